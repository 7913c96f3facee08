using MyAlmaty.Learn.Quizzes;

namespace MyAlmaty.Learn.Tests.Quizzes;

/// <summary>
/// Builds the fields a browser posts for one paper. <see cref="Blank"/> is a form with nothing
/// answered: text boxes and selects are always sent (empty), unchecked radios and boxes are not.
/// </summary>
internal sealed class PaperForm
{
    public static readonly IReadOnlySet<string> Control = new HashSet<string>(StringComparer.Ordinal) { "step", "check", "finish", "save" };

    private readonly QuizPaper _paper;
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);

    private PaperForm(QuizPaper paper) => _paper = paper;

    /// <param name="locked">Question ids whose fields the page no longer shows.</param>
    public static PaperForm Blank(QuizPaper paper, params string[] locked)
    {
        var form = new PaperForm(paper);
        foreach (var q in paper.Questions.Where(q => !locked.Contains(q.Question.Id)))
        {
            switch (q.Question.Kind)
            {
                case QuestionKind.Text:
                    form.Set(q.Field, "");
                    break;
                case QuestionKind.Order or QuestionKind.Match:
                    foreach (var item in q.Choices) form.Set(q.FieldFor(item), "");
                    break;
            }
        }
        return form;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Fields =>
        _fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.ToList(), StringComparer.Ordinal);

    public PaperQuestion Question(string id) => _paper.Questions.Single(q => q.Question.Id == id);

    /// <summary>Picks options by their authored ids (the radio or the checkboxes of a choice question).</summary>
    public PaperForm Choose(string id, params string[] optionIds)
    {
        var q = Question(id);
        var tokens = optionIds.Select(o => q.Choices.Single(c => q.Question.Options[c.Index].Id == o).Token);
        return Set(q.Field, [.. tokens]);
    }

    public PaperForm Flag(string id, bool value)
    {
        var q = Question(id);
        return Set(q.Field, q.Choices.Single(c => c.Index == (value ? 1 : 0)).Token);
    }

    public PaperForm Text(string id, string text) => Set(Question(id).Field, text);

    /// <summary>Gives each authored item (by index) a place from 0, or none.</summary>
    public PaperForm Order(string id, params int?[] places)
    {
        var q = Question(id);
        foreach (var item in q.Choices) Set(q.FieldFor(item), places[item.Index] is { } p ? (p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        return this;
    }

    /// <summary>Gives each authored left-hand item (by index) the right-hand item of that index, or none.</summary>
    public PaperForm Match(string id, params int?[] rights)
    {
        var q = Question(id);
        foreach (var item in q.Choices) Set(q.FieldFor(item), rights[item.Index] is { } r ? q.Targets.Single(t => t.Index == r).Token : "");
        return this;
    }

    /// <summary>The fully right answer to one question.</summary>
    public PaperForm Right(string id)
    {
        var question = Question(id).Question;
        return question.Kind switch
        {
            QuestionKind.Single or QuestionKind.Multiple => Choose(id, [.. question.Options.Where(o => o.Correct).Select(o => o.Id)]),
            QuestionKind.TrueFalse => Flag(id, question.Answer!.Value),
            QuestionKind.Text => Text(id, question.Answers[0]),
            QuestionKind.Order => Order(id, [.. Enumerable.Range(0, question.Items.Count).Select(i => (int?)i)]),
            QuestionKind.Match => Match(id, [.. Enumerable.Range(0, question.Left.Count).Select(i => (int?)i)]),
            _ => throw new ArgumentOutOfRangeException(nameof(id)),
        };
    }

    public PaperForm AllRight()
    {
        foreach (var q in _paper.Questions) Right(q.Question.Id);
        return this;
    }

    /// <summary>Replaces a field's values as they are, e.g. a forged token.</summary>
    public PaperForm Set(string field, params string[] values)
    {
        _fields[field] = [.. values];
        return this;
    }

    public PaperForm Remove(string field)
    {
        _fields.Remove(field);
        return this;
    }
}
