using DiffPlex;
using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Content.Versions;

/// <summary>What happened to one item of a list field between two versions.</summary>
public enum ListItemChange
{
    Unchanged,
    Added,
    Removed,

    /// <summary>The same item at another place in the list.</summary>
    Moved,
}

/// <summary>
/// One item of a list field in a comparison. Positions count from 1; <see cref="OldPosition"/> is null for
/// an added item, <see cref="NewPosition"/> for a removed one.
/// </summary>
public sealed record ListItemComparison(ListItemChange Change, string Value, int? OldPosition, int? NewPosition);

/// <summary>
/// One field of two versions side by side: the title, the address (slug) or one of the type's declared
/// fields, with the values the form shows (a list one item per line; null when the field is absent).
/// </summary>
public sealed record FieldComparison
{
    /// <summary>The field's name in the front matter ("title", "slug", "summary", "takeaways" …).</summary>
    public required string Name { get; init; }

    /// <summary>The field's label, an msgid translated in the PO files.</summary>
    public required string Label { get; init; }

    public required FieldKind Kind { get; init; }
    public string? Old { get; init; }
    public string? New { get; init; }

    public bool Changed => !string.Equals(Old, New, StringComparison.Ordinal);

    /// <summary>For a list field: every item of both versions, in the new order with removed items where they were.</summary>
    public IReadOnlyList<ListItemComparison> Items { get; init; } = [];

    /// <summary>For a changed text field (and a quiz's questions, as YAML): the difference line by line and word by word.</summary>
    public LineDiff? Text { get; init; }

    internal static FieldComparison Of(string name, string label, FieldKind kind, string? old, string? @new)
    {
        old = string.IsNullOrEmpty(old) ? null : old;
        @new = string.IsNullOrEmpty(@new) ? null : @new;
        var changed = !string.Equals(old, @new, StringComparison.Ordinal);
        var isList = kind is FieldKind.TextList or FieldKind.ReferenceList;
        return new FieldComparison
        {
            Name = name,
            Label = label,
            Kind = kind,
            Old = old,
            New = @new,
            Items = isList ? CompareItems(Lines(old), Lines(@new)) : [],
            Text = changed && !isList ? LineDiff.Compute(old, @new) : null,
        };
    }

    private static string[] Lines(string? value) => value is null ? [] : value.Split('\n');

    /// <summary>
    /// Items compared in order (the longest run kept in order is unchanged); an item removed at one place
    /// and added at another is one item moved.
    /// </summary>
    internal static List<ListItemComparison> CompareItems(string[] old, string[] @new)
    {
        var result = Differ.Instance.CreateDiffs(string.Join('\n', old), string.Join('\n', @new), ignoreWhiteSpace: false, ignoreCase: false, LineSplitter.Instance);
        var items = new List<ListItemComparison>(Math.Max(old.Length, @new.Length));
        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (a < block.DeleteStartA && b < block.InsertStartB) items.Add(new(ListItemChange.Unchanged, @new[b], ++a, ++b));
            for (var i = 0; i < block.DeleteCountA; i++) items.Add(new(ListItemChange.Removed, old[a], ++a, null));
            for (var i = 0; i < block.InsertCountB; i++) items.Add(new(ListItemChange.Added, @new[b], null, ++b));
        }
        while (a < old.Length && b < @new.Length) items.Add(new(ListItemChange.Unchanged, @new[b], ++a, ++b));

        // Pair each added item with a removed one of the same value: it moved. Pairing in order keeps duplicates apart.
        var removed = items.Where(i => i.Change == ListItemChange.Removed).ToList();
        var gone = new HashSet<ListItemComparison>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Change != ListItemChange.Added) continue;
            var from = removed.FindIndex(r => r.Value == items[i].Value);
            if (from < 0) continue;
            items[i] = items[i] with { Change = ListItemChange.Moved, OldPosition = removed[from].OldPosition };
            gone.Add(removed[from]);
            removed.RemoveAt(from);
        }
        items.RemoveAll(gone.Contains);
        return items;
    }
}
