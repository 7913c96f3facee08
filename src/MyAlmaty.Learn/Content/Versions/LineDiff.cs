using DiffPlex;
using DiffPlex.Model;

namespace MyAlmaty.Learn.Content.Versions;

/// <summary>What happened to a line (or, inside a changed line, to a word).</summary>
public enum DiffChange
{
    Unchanged,
    Deleted,
    Inserted,

    /// <summary>A line of the old text replaced by a line of the new one; its words say what changed.</summary>
    Modified,
}

/// <summary>A piece of a line: a word, a run of spaces or one punctuation mark, and whether it was kept, deleted or inserted.</summary>
public sealed record DiffWord(DiffChange Change, string Text);

/// <summary>
/// One side of a side-by-side row: the line's number in its text (from 1), its text, and its pieces —
/// for a modified line the words kept and deleted (old side) or kept and inserted (new side); for any
/// other line one piece with the whole line.
/// </summary>
public sealed record DiffLine(int Number, string Text, IReadOnlyList<DiffWord> Words);

/// <summary>
/// One row of the side-by-side view: an unchanged line on both sides, a modified line with its old and new
/// text, a deleted line (<see cref="New"/> is null) or an inserted one (<see cref="Old"/> is null).
/// </summary>
public sealed record DiffRow(DiffChange Change, DiffLine? Old, DiffLine? New)
{
    /// <summary>A modified row's words as one line: each kept piece once, what was deleted before what was inserted in its place.</summary>
    internal IReadOnlyList<DiffWord> Interleaved { get; init; } = [];
}

/// <summary>
/// One line of the inline view. A modified line whose old and new text share most of their words is one
/// line with its deleted and inserted words in place; a line rewritten beyond that is shown as the old
/// line deleted and the new one inserted.
/// </summary>
public sealed record InlineLine(DiffChange Change, int? OldNumber, int? NewNumber, IReadOnlyList<DiffWord> Words)
{
    /// <summary>The line as it reads after the change (as it read before, for a deleted line).</summary>
    public string Text => string.Concat(Words.Where(w => w.Change != (Change == DiffChange.Deleted ? DiffChange.Inserted : DiffChange.Deleted)).Select(w => w.Text));
}

/// <summary>A run of changed rows with a few unchanged lines around them, as a unified diff shows it.</summary>
public sealed record DiffHunk(int OldStart, int OldCount, int NewStart, int NewCount, IReadOnlyList<DiffRow> Rows);

/// <summary>
/// The difference between two texts line by line, and word by word inside the lines that changed
/// (DiffPlex's Myers diff, whitespace and case significant: in Markdown two trailing spaces are a line
/// break). Immutable; <see cref="Rows"/> is the side-by-side view, <see cref="Inline"/> the inline one.
/// </summary>
public sealed class LineDiff
{
    /// <summary>A modified line is shown inline as one line when at least this share of its letters is kept.</summary>
    private const double InlineSimilarity = 0.5;

    private IReadOnlyList<InlineLine>? _inline;

    private LineDiff(IReadOnlyList<DiffRow> rows)
    {
        Rows = rows;
        foreach (var row in rows)
        {
            switch (row.Change)
            {
                case DiffChange.Inserted: Inserted++; break;
                case DiffChange.Deleted: Deleted++; break;
                case DiffChange.Modified: Modified++; break;
            }
        }
    }

    /// <summary>The side-by-side view: every line of both texts, in order.</summary>
    public IReadOnlyList<DiffRow> Rows { get; }

    public int Inserted { get; }
    public int Deleted { get; }
    public int Modified { get; }
    public bool HasChanges => Inserted + Deleted + Modified > 0;

    /// <summary>The inline view: unchanged, deleted and inserted lines, and modified lines with their words marked.</summary>
    public IReadOnlyList<InlineLine> Inline => _inline ??= BuildInline(Rows);

    /// <summary>Compares two texts; "\r\n" and "\n" are the same line end, and an empty text has no lines.</summary>
    public static LineDiff Compute(string? oldText, string? newText)
    {
        var result = Differ.Instance.CreateDiffs(oldText ?? "", newText ?? "", ignoreWhiteSpace: false, ignoreCase: false, LineSplitter.Instance);
        var rows = new List<DiffRow>(Math.Max(result.PiecesOld.Count, result.PiecesNew.Count));
        Walk(result,
            (a, b) => rows.Add(new DiffRow(DiffChange.Unchanged, Line(a + 1, result.PiecesOld[a], DiffChange.Unchanged), Line(b + 1, result.PiecesNew[b], DiffChange.Unchanged))),
            (a, b) => rows.Add(ModifiedRow(a + 1, result.PiecesOld[a], b + 1, result.PiecesNew[b])),
            a => rows.Add(new DiffRow(DiffChange.Deleted, Line(a + 1, result.PiecesOld[a], DiffChange.Deleted), null)),
            b => rows.Add(new DiffRow(DiffChange.Inserted, null, Line(b + 1, result.PiecesNew[b], DiffChange.Inserted))));
        return new LineDiff(rows);
    }

    /// <summary>
    /// The changed rows grouped with <paramref name="context"/> unchanged lines before and after each
    /// group; groups closer than twice that are one hunk. Empty when nothing changed.
    /// </summary>
    public IReadOnlyList<DiffHunk> Hunks(int context = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        var hunks = new List<DiffHunk>();
        var i = 0;
        while (i < Rows.Count)
        {
            var firstChange = IndexOfChange(i);
            if (firstChange < 0) break;
            var start = Math.Max(i, firstChange - context);
            var end = firstChange;
            // Extend while the next change is within reach of this hunk's trailing context.
            while (true)
            {
                var lastChange = end;
                while (end < Rows.Count && Rows[end].Change != DiffChange.Unchanged) lastChange = end++;
                var next = IndexOfChange(end);
                if (next >= 0 && next - lastChange <= 2 * context + 1)
                {
                    end = next;
                    continue;
                }
                end = Math.Min(Rows.Count, lastChange + 1 + context);
                break;
            }
            var rows = Rows.Skip(start).Take(end - start).ToList();
            hunks.Add(new DiffHunk(
                StartOf(start, r => r.Old), rows.Count(r => r.Old is not null),
                StartOf(start, r => r.New), rows.Count(r => r.New is not null),
                rows));
            i = end;
        }
        return hunks;
    }

    private int IndexOfChange(int from)
    {
        for (var i = from; i < Rows.Count; i++)
        {
            if (Rows[i].Change != DiffChange.Unchanged) return i;
        }
        return -1;
    }

    /// <summary>The number of the first line of a side at or after a row (the line after the side's last one when it has none there).</summary>
    private int StartOf(int row, Func<DiffRow, DiffLine?> side)
    {
        for (var i = row; i < Rows.Count; i++)
        {
            if (side(Rows[i]) is { } line) return line.Number;
        }
        for (var i = row - 1; i >= 0; i--)
        {
            if (side(Rows[i]) is { } line) return line.Number + 1;
        }
        return 1;
    }

    private static DiffLine Line(int number, string text, DiffChange change) =>
        new(number, text, text.Length == 0 ? [] : [new DiffWord(change, text)]);

    private static DiffRow ModifiedRow(int oldNumber, string oldText, int newNumber, string newText)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, WordSplitter.Instance);
        var oldWords = new List<DiffWord>();
        var newWords = new List<DiffWord>();
        var both = new List<DiffWord>();
        Walk(result,
            (a, b) =>
            {
                var kept = new DiffWord(DiffChange.Unchanged, result.PiecesOld[a]);
                oldWords.Add(kept);
                newWords.Add(kept);
                both.Add(kept);
            },
            null,
            a =>
            {
                var deleted = new DiffWord(DiffChange.Deleted, result.PiecesOld[a]);
                oldWords.Add(deleted);
                both.Add(deleted);
            },
            b =>
            {
                var inserted = new DiffWord(DiffChange.Inserted, result.PiecesNew[b]);
                newWords.Add(inserted);
                both.Add(inserted);
            });
        return new DiffRow(DiffChange.Modified, new DiffLine(oldNumber, oldText, Merge(oldWords)), new DiffLine(newNumber, newText, Merge(newWords)))
        {
            Interleaved = Merge(both),
        };
    }

    /// <summary>
    /// Goes through a diff in order: pairs of unchanged pieces, then for each changed block its pairs of
    /// replaced pieces (when <paramref name="replaced"/> is given), then the pieces only deleted or inserted.
    /// </summary>
    private static void Walk(DiffResult result, Action<int, int> unchanged, Action<int, int>? replaced, Action<int> deleted, Action<int> inserted)
    {
        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (a < block.DeleteStartA && b < block.InsertStartB) unchanged(a++, b++);
            var paired = replaced is null ? 0 : Math.Min(block.DeleteCountA, block.InsertCountB);
            for (var i = 0; i < paired; i++) replaced!(a++, b++);
            for (var i = paired; i < block.DeleteCountA; i++) deleted(a++);
            for (var i = paired; i < block.InsertCountB; i++) inserted(b++);
        }
        while (a < result.PiecesOld.Count && b < result.PiecesNew.Count) unchanged(a++, b++);
    }

    /// <summary>Joins neighbouring pieces of the same kind, so that a changed phrase is one piece.</summary>
    private static List<DiffWord> Merge(List<DiffWord> words)
    {
        var merged = new List<DiffWord>(words.Count);
        foreach (var word in words)
        {
            if (merged.Count > 0 && merged[^1].Change == word.Change) merged[^1] = word with { Text = merged[^1].Text + word.Text };
            else merged.Add(word);
        }
        return merged;
    }

    private static List<InlineLine> BuildInline(IReadOnlyList<DiffRow> rows)
    {
        var lines = new List<InlineLine>(rows.Count);
        foreach (var row in rows)
        {
            switch (row.Change)
            {
                case DiffChange.Unchanged:
                    lines.Add(new InlineLine(DiffChange.Unchanged, row.Old!.Number, row.New!.Number, row.New.Words));
                    break;
                case DiffChange.Deleted:
                    lines.Add(new InlineLine(DiffChange.Deleted, row.Old!.Number, null, row.Old.Words));
                    break;
                case DiffChange.Inserted:
                    lines.Add(new InlineLine(DiffChange.Inserted, null, row.New!.Number, row.New.Words));
                    break;
                case DiffChange.Modified when Similar(row.Old!, row.New!):
                    lines.Add(new InlineLine(DiffChange.Modified, row.Old!.Number, row.New!.Number, row.Interleaved));
                    break;
                default:
                    lines.Add(new InlineLine(DiffChange.Deleted, row.Old!.Number, null, [new DiffWord(DiffChange.Deleted, row.Old.Text)]));
                    lines.Add(new InlineLine(DiffChange.Inserted, null, row.New!.Number, [new DiffWord(DiffChange.Inserted, row.New.Text)]));
                    break;
            }
        }
        return lines;
    }

    private static bool Similar(DiffLine old, DiffLine @new)
    {
        static int Letters(IEnumerable<DiffWord> words) => words.Sum(w => w.Text.Count(c => !char.IsWhiteSpace(c)));
        var kept = Letters(old.Words.Where(w => w.Change == DiffChange.Unchanged));
        var longer = Math.Max(Letters(old.Words), Letters(@new.Words));
        return longer == 0 || kept >= InlineSimilarity * longer;
    }
}
