using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Content.Import;

/// <summary>
/// Checks what files say about each other: unique keys and slugs, and references that point at
/// items which exist in the same language. A file that fails is dropped, which can in turn break
/// the files that refer to it, so the check repeats until nothing changes.
/// </summary>
public sealed class ContentReferenceChecker
{
    public List<ContentFile> Check(
        IReadOnlyList<ContentFile> files,
        IReadOnlySet<(string Culture, string Key)> failedFiles,
        IEnumerable<(string Type, string Culture, string Key)> existingItems,
        List<ImportProblem> problems)
    {
        var valid = new List<ContentFile>();
        var byKey = new Dictionary<(string, string, string), ContentFile>();
        var bySlug = new Dictionary<(string, string, string), ContentFile>();
        foreach (var file in files)
        {
            if (byKey.TryGetValue((file.ContentType, file.Culture, file.TranslationKey), out var first))
            {
                problems.Add(ImportProblem.Error(file.Path, 1, ImportMessages.DuplicateKey, file.ContentType, file.TranslationKey, first.Path));
                continue;
            }
            if (bySlug.TryGetValue((file.ContentType, file.Culture, file.Slug), out var owner))
            {
                problems.Add(ImportProblem.Error(file.Path, file.SlugLine, ImportMessages.DuplicateSlug, file.Slug, owner.Path));
                continue;
            }
            if (file.ContentType == ContentTypeNames.Page && SiteSections.Reserved.Contains(file.Slug))
            {
                problems.Add(ImportProblem.Error(file.Path, file.SlugLine, ImportMessages.ReservedSlug, file.Slug));
                continue;
            }
            byKey[(file.ContentType, file.Culture, file.TranslationKey)] = file;
            bySlug[(file.ContentType, file.Culture, file.Slug)] = file;
            valid.Add(file);
        }

        var existing = existingItems.ToHashSet();
        var broken = new HashSet<(string Culture, string Key)>(failedFiles);
        bool dropped;
        do
        {
            dropped = false;
            var present = valid.Select(f => (f.ContentType, f.Culture, f.TranslationKey)).ToHashSet();
            foreach (var file in valid.ToList())
            {
                if (!HasBrokenReferences(file, present, existing, broken, problems)) continue;
                valid.Remove(file);
                broken.Add((file.Culture, file.TranslationKey));
                dropped = true;
            }
        }
        while (dropped);
        return valid;
    }

    /// <summary>Reports the file's broken references; true when it has any.</summary>
    private static bool HasBrokenReferences(
        ContentFile file,
        HashSet<(string, string, string)> present,
        HashSet<(string, string, string)> existing,
        HashSet<(string, string)> broken,
        List<ImportProblem> problems)
    {
        var failed = false;
        var seen = new HashSet<(string, string)>();
        foreach (var reference in file.References)
        {
            var target = (reference.TargetType, file.Culture, reference.TargetKey);
            if (!seen.Add((reference.TargetType, reference.TargetKey)))
            {
                problems.Add(ImportProblem.Error(file.Path, reference.Line, ImportMessages.DuplicateReference, reference.Field, reference.TargetKey) with { Field = reference.Field });
                failed = true;
            }
            else if (!present.Contains(target) && !existing.Contains(target))
            {
                var message = broken.Contains((file.Culture, reference.TargetKey)) ? ImportMessages.BrokenReference : ImportMessages.MissingReference;
                if (reference.Optional)
                {
                    // The item works without it (a lesson without its quiz): warn, and keep the file.
                    problems.Add(ImportProblem.Warning(file.Path, reference.Line, message, reference.Field, reference.TargetType, reference.TargetKey) with { Field = reference.Field });
                    continue;
                }
                problems.Add(ImportProblem.Error(file.Path, reference.Line, message, reference.Field, reference.TargetType, reference.TargetKey) with { Field = reference.Field });
                failed = true;
            }
        }
        return failed;
    }
}
