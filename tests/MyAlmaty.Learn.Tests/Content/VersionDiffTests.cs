using Xunit.Abstractions;
using System.Diagnostics;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Content.Versions;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Quizzes;

namespace MyAlmaty.Learn.Tests.Content;

/// <summary>Comparing two versions: the body line by line and word by word, the fields as the type declares them.</summary>
public sealed class VersionDiffTests(ITestOutputHelper output)
{
    private static readonly ContentKey Key = new("ru", ContentTypeNames.Lesson, "civic-activism");
    private static readonly LessonType Lesson = new();

    [Fact]
    public void One_changed_word_in_a_paragraph_is_a_modified_line_with_only_that_word_marked()
    {
        var diff = LineDiff.Compute("# Заголовок\n\nГородской активист помогает соседям.\n", "# Заголовок\n\nГородской активист помогает городу.\n");

        var row = Assert.Single(diff.Rows, r => r.Change != DiffChange.Unchanged);
        Assert.Equal(DiffChange.Modified, row.Change);
        Assert.Equal((3, 3), (row.Old!.Number, row.New!.Number));
        Assert.Equal([(DiffChange.Unchanged, "Городской активист помогает "), (DiffChange.Deleted, "соседям"), (DiffChange.Unchanged, ".")],
            row.Old.Words.Select(w => (w.Change, w.Text)));
        Assert.Equal([(DiffChange.Unchanged, "Городской активист помогает "), (DiffChange.Inserted, "городу"), (DiffChange.Unchanged, ".")],
            row.New.Words.Select(w => (w.Change, w.Text)));
        var inline = Assert.Single(diff.Inline, l => l.Change != DiffChange.Unchanged);
        Assert.Equal([(DiffChange.Unchanged, "Городской активист помогает "), (DiffChange.Deleted, "соседям"), (DiffChange.Inserted, "городу"), (DiffChange.Unchanged, ".")],
            inline.Words.Select(w => (w.Change, w.Text)));
        Assert.Equal("Городской активист помогает городу.", inline.Text);
        Assert.Equal((0, 0, 1), (diff.Inserted, diff.Deleted, diff.Modified));
    }

    [Fact]
    public void Inserted_and_deleted_lines_are_numbered_on_their_own_side_and_unchanged_text_has_no_changes()
    {
        var diff = LineDiff.Compute("один\nдва\nтри\nчетыре", "один\nтри\nтри с половиной\nчетыре");

        Assert.Equal(
            [(DiffChange.Unchanged, (int?)1, (int?)1), (DiffChange.Deleted, 2, null), (DiffChange.Unchanged, 3, 2), (DiffChange.Inserted, null, 3), (DiffChange.Unchanged, 4, 4)],
            diff.Rows.Select(r => (r.Change, r.Old?.Number, r.New?.Number)));
        Assert.Equal((1, 1, 0), (diff.Inserted, diff.Deleted, diff.Modified));
        Assert.False(LineDiff.Compute("а\r\nб\n", "а\nб\n").HasChanges);
        Assert.Empty(LineDiff.Compute("", "").Rows);
        Assert.Equal([DiffChange.Inserted, DiffChange.Inserted], LineDiff.Compute("", "а\nб").Rows.Select(r => r.Change));
    }

    [Fact]
    public void A_rewritten_line_is_one_row_side_by_side_but_deleted_then_inserted_inline()
    {
        var diff = LineDiff.Compute("Старый абзац о субботнике во дворе.", "Совсем другой текст про городские данные!");

        Assert.Equal(DiffChange.Modified, Assert.Single(diff.Rows).Change);
        Assert.Equal([(DiffChange.Deleted, "Старый абзац о субботнике во дворе."), (DiffChange.Inserted, "Совсем другой текст про городские данные!")],
            diff.Inline.Select(l => (l.Change, l.Text)));
    }

    [Fact]
    public void Hunks_keep_three_lines_around_each_change_and_join_changes_that_are_close()
    {
        var old = Enumerable.Range(1, 30).Select(i => $"строка {i}").ToList();
        var @new = old.ToList();
        @new[4] = "строка пять";
        @new[8] = "строка девять";
        @new[25] = "строка двадцать шесть";

        var hunks = LineDiff.Compute(string.Join('\n', old), string.Join('\n', @new)).Hunks();

        Assert.Equal([(2, 11, 2, 11), (23, 7, 23, 7)], hunks.Select(h => (h.OldStart, h.OldCount, h.NewStart, h.NewCount)));
        Assert.Equal(2, hunks[0].Rows.Count(r => r.Change == DiffChange.Modified));
        Assert.Empty(LineDiff.Compute("а", "а").Hunks());
    }

    [Fact]
    public void Fields_come_from_the_type_declaration_after_the_title_and_address_and_say_what_changed()
    {
        var old = Version(1, "---\ntype: Lesson\ntitle: Активизм в городе\nsummary: Кратко.\ntakeaways:\n  - Первое\n  - Второе\nreadingMinutes: 5\n---\nТекст.\n");
        var @new = Version(2, "---\ntype: Lesson\ntitle: Активизм в большом городе\nslug: activism\nsummary: Кратко.\ntakeaways:\n  - Первое\n  - Второе\nquiz: civic-activism\n---\nТекст.\n");

        var comparison = VersionDiff.Compare(Lesson, Key, old, @new);

        Assert.Equal(["title", "slug", "summary", "takeaways", "readingMinutes", "quiz"], comparison.Fields.Select(f => f.Name));
        Assert.Equal(["title", "slug", "readingMinutes", "quiz"], comparison.ChangedFields.Select(f => f.Name));
        Assert.Equal(("Активизм в городе", "Активизм в большом городе"), (comparison.Field("title")!.Old, comparison.Field("title")!.New));
        Assert.Equal(("5", null), (comparison.Field("readingMinutes")!.Old, comparison.Field("readingMinutes")!.New));
        Assert.Equal((null, "civic-activism"), (comparison.Field("quiz")!.Old, comparison.Field("quiz")!.New));
        Assert.Contains(comparison.Field("title")!.Text!.Inline.Single().Words, w => w is { Change: DiffChange.Inserted, Text: "большом " });
        Assert.Equal(FieldLabels.Title, comparison.Fields[0].Label);
        Assert.Equal("Takeaways", comparison.Field("takeaways")!.Label);
        Assert.False(comparison.Body.HasChanges);
        Assert.True(comparison.HasChanges);
        Assert.Equal((1, 2), (comparison.Old.Number, comparison.New.Number));
    }

    [Fact]
    public void List_items_are_compared_one_by_one_as_kept_added_removed_or_moved()
    {
        var old = Version(1, "---\ntype: Lesson\ntitle: Урок\ntakeaways:\n  - Первое\n  - Второе\n  - Третье\n  - Четвёртое\n---\nТекст.\n");
        var @new = Version(2, "---\ntype: Lesson\ntitle: Урок\ntakeaways:\n  - Четвёртое\n  - Первое\n  - Третье\n  - Пятое\n---\nТекст.\n");

        var takeaways = VersionDiff.Compare(Lesson, Key, old, @new).Field("takeaways")!;

        Assert.True(takeaways.Changed);
        Assert.Equal(
            [
                (ListItemChange.Moved, "Четвёртое", (int?)4, (int?)1),
                (ListItemChange.Unchanged, "Первое", 1, 2),
                (ListItemChange.Removed, "Второе", 2, null),
                (ListItemChange.Unchanged, "Третье", 3, 3),
                (ListItemChange.Added, "Пятое", null, 4),
            ],
            takeaways.Items.Select(i => (i.Change, i.Value, i.OldPosition, i.NewPosition)));
        Assert.Null(takeaways.Text);
    }

    [Fact]
    public void A_version_without_a_source_is_compared_from_its_metadata()
    {
        var old = Version(1, null, metadata: """{"summary":"Кратко.","takeaways":["Первое","Второе"],"readingMinutes":5,"quiz":null}""");
        var @new = Version(2, "---\ntype: Lesson\ntitle: Урок\nsummary: Кратко.\ntakeaways:\n  - Первое\n  - Второе\n  - Третье\nreadingMinutes: 5\n---\nТекст.\n");

        var comparison = VersionDiff.Compare(Lesson, Key, old, @new);

        Assert.Equal(["takeaways"], comparison.ChangedFields.Select(f => f.Name));
        Assert.Equal("Первое\nВторое", comparison.Field("takeaways")!.Old);
        Assert.Equal(ListItemChange.Added, comparison.Field("takeaways")!.Items[^1].Change);
    }

    [Fact]
    public void A_quizs_questions_are_compared_as_the_yaml_of_the_source()
    {
        var quiz = new QuizType();
        const string before = "---\ntype: Quiz\ntitle: Тест\nquestions:\n  - id: q1\n    type: truefalse\n    text: Активист помогает городу?\n    answer: true\n    explanation: Да.\n---\n";
        var old = Version(1, before);
        var @new = Version(2, before.Replace("помогает городу", "помогает соседям"));

        var questions = VersionDiff.Compare(quiz, Key with { ContentType = ContentTypeNames.Quiz }, old, @new).Field("questions")!;

        Assert.True(questions.Changed);
        var row = Assert.Single(questions.Text!.Rows, r => r.Change != DiffChange.Unchanged);
        Assert.Contains(row.New!.Words, w => w is { Change: DiffChange.Inserted, Text: "соседям" });
    }

    [Fact]
    public void Versions_of_different_types_cannot_be_compared_with_one_types_fields()
    {
        var version = Version(1, "---\ntype: Lesson\ntitle: Урок\n---\nТекст.\n");
        Assert.Throws<ArgumentException>(() => VersionDiff.Compare(Lesson, Key, version, Key with { ContentType = ContentTypeNames.Page }, version));
    }

    [Fact]
    public void A_five_thousand_word_lesson_with_edits_all_through_it_is_compared_well_under_50_ms()
    {
        var random = new Random(7);
        string[] words = ["город", "активист", "сосед", "инициатива", "двор", "проект", "данные", "жители", "акимат", "парк", "қала", "белсенді", "көрші", "жоба"];
        var paragraphs = Enumerable.Range(0, 100).Select(_ => string.Join(' ', Enumerable.Range(0, 50).Select(_ => words[random.Next(words.Length)])) + ".").ToList();
        var edited = paragraphs.ToList();
        for (var i = 0; i < edited.Count; i += 7) edited[i] = edited[i].Replace("город", "мегаполис");
        edited.RemoveAt(50);
        edited.Insert(20, "Новый абзац о городских данных.");
        var old = Version(1, "---\ntype: Lesson\ntitle: Урок\ntakeaways:\n  - Главное\n---\n" + string.Join("\n\n", paragraphs), body: string.Join("\n\n", paragraphs));
        var @new = Version(2, "---\ntype: Lesson\ntitle: Урок\ntakeaways:\n  - Главное\n  - Ещё\n---\n" + string.Join("\n\n", edited), body: string.Join("\n\n", edited));

        VersionDiff.Compare(Lesson, Key, old, @new);
        var times = new List<double>();
        VersionComparison? comparison = null;
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            comparison = VersionDiff.Compare(Lesson, Key, old, @new);
            _ = comparison.Body.Inline.Count;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        output.WriteLine($"5,000-word lesson: {string.Join(", ", times.Select(t => t.ToString("0.0")))} ms");
        Assert.True(comparison!.Body.Modified >= 14, $"{comparison.Body.Modified} modified");
        Assert.True(times.Min() < 50, $"{times.Min():0.0} ms");
    }

    private static ContentItemVersion Version(int number, string? source, string metadata = "{}", string? body = null) => new()
    {
        Number = number,
        Title = source is null ? "Урок" : Line(source, "title: ")!,
        Slug = (source is null ? null : Line(source, "slug: ")) ?? "civic-activism",
        Body = body ?? (source is null ? "Текст." : source[(source.LastIndexOf("---\n", StringComparison.Ordinal) + 4)..].Trim('\n')),
        Metadata = metadata,
        Source = source,
        ContentHash = "",
        Author = "editor",
    };

    private static string? Line(string source, string prefix) =>
        source.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
}
