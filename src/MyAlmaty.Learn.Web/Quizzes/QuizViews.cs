using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Rendering;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Quizzes;
using MyAlmaty.Learn.Web.Endpoints;

namespace MyAlmaty.Learn.Web.Quizzes;

public sealed record QuizFacts(int Questions, int PassPercent, int? TimeLimitMinutes, string Mode, int Tries);

public sealed record AttemptLink(int Number, string Url, DateTime Started, bool Finished, bool Expired, int Percent, bool Passed);

public sealed record QuizIntroView(
    string Title, string Html, QuizFacts Facts, IReadOnlyList<LinkView> Lessons, IReadOnlyList<LinkView> Courses,
    IReadOnlyList<AttemptLink> Attempts, string StartUrl, string? OpenAttemptUrl, bool Passed, string? AnalysisUrl);

/// <summary>
/// Something to pick or place, as the page shows it. <see cref="Correct"/> and <see cref="Explanation"/>
/// are filled only once the question is locked (answered for good): before that the page must not
/// tell which choice is right.
/// </summary>
public sealed record ChoiceView(string Token, string Text, bool Chosen, bool? Correct, string? Explanation, string Field, string? Selected, string? Solution);

public sealed record QuestionView(
    int Number, string Kind, string Text, string Field, bool Locked, bool Right, bool Partial, bool TryAgain, string? Hint, string? Explanation,
    int TriesLeft, bool Unanswered, IReadOnlyList<ChoiceView> Choices, IReadOnlyList<ChoiceView> Targets, string? TextValue,
    IReadOnlyList<string> Accepted, IReadOnlyList<string> Solution, IReadOnlyList<string> Places);

public sealed record AttemptView(
    string Title, string QuizUrl, string ActionUrl, string Mode, int Step, bool Finished, bool Expired, string? Deadline,
    IReadOnlyList<QuestionView> Questions, IReadOnlyList<string> Errors, bool AskToConfirm,
    string Score, int MaxScore, int Percent, bool Passed, int PassPercent, IReadOnlyList<LinkView> Lessons, IReadOnlyList<LinkView> Courses);

/// <summary>Turns quizzes and attempts into the models of the quiz views; never puts an answer on a page before it is locked.</summary>
public sealed class QuizViews(ContentRenderer renderer, CourseCatalog courses, AlmatyClock clock, PublishedContent published)
{
    public QuizFacts Facts(QuizMetadata quiz) =>
        new(quiz.QuestionsPerAttempt, quiz.PassPercent, quiz.TimeLimitMinutes, quiz.Mode.ToString().ToLowerInvariant(), quiz.Tries);

    public QuizIntroView Intro(PublishedItem quiz, IReadOnlyList<QuizAttempt> attempts, Func<QuizAttempt, bool> expired, string? analysisUrl)
    {
        var (lessons, finalOf) = Owners(quiz);
        var open = attempts.FirstOrDefault(a => !a.Finished && !expired(a));
        return new QuizIntroView(
            quiz.Title,
            renderer.Render(quiz).Html,
            Facts(quiz.MetadataAs<QuizMetadata>()),
            lessons,
            finalOf,
            attempts.Select((a, i) => new AttemptLink(attempts.Count - i, AttemptUrl(quiz, a), a.StartedUtc, a.Finished, expired(a), a.Percent, a.Passed)).ToList(),
            $"{QuizRoutes.QuizUrl(quiz)}/attempts",
            open is null ? null : AttemptUrl(quiz, open),
            attempts.Any(a => a.Passed),
            analysisUrl);
    }

    /// <summary>An attempt's address in the language it was taken in, which may be the other one.</summary>
    public string AttemptUrl(PublishedItem quiz, QuizAttempt attempt) =>
        QuizRoutes.AttemptUrl(attempt.Culture == quiz.Culture ? quiz : published.Current.ByKey(attempt.Culture, ContentTypeNames.Quiz, attempt.QuizKey) ?? quiz, attempt.Id);

    public (IReadOnlyList<LinkView> Lessons, IReadOnlyList<LinkView> Courses) Owners(PublishedItem quiz)
    {
        var (lessons, finalOf) = courses.OwnersOf(quiz);
        return (
            lessons.SelectMany(l => courses.CoursesContaining(l).Take(1).Select(c => new LinkView(l.Title, CourseRoutes.LessonUrl(c.Course, l)))).ToList(),
            finalOf.Select(c => new LinkView(c.Course.Title, CourseRoutes.CourseUrl(c.Course))).ToList());
    }

    public AttemptView Attempt(PublishedItem quiz, QuizMetadata metadata, QuizAttempt attempt, bool expired, AttemptState state,
        IReadOnlyList<string> errors, IReadOnlyList<int>? unanswered, bool askToConfirm = false)
    {
        var paper = QuizPaper.For(metadata, attempt.Seed);
        var (lessons, finalOf) = Owners(quiz);
        return new AttemptView(
            quiz.Title,
            QuizRoutes.QuizUrl(quiz),
            QuizRoutes.AttemptUrl(quiz, attempt.Id),
            attempt.Mode.ToString().ToLowerInvariant(),
            attempt.Step,
            attempt.Finished,
            expired,
            attempt.DeadlineUtc is { } d ? clock.FormatDateTime(d, quiz.Culture) : null,
            paper.Questions.Select(q => Question(q, state.Of(q.Question.Id), metadata, unanswered?.Contains(q.Number) == true)).ToList(),
            errors,
            askToConfirm,
            attempt.Score.ToString("0.##", Cultures.Get(quiz.Culture)),
            attempt.MaxScore,
            attempt.Percent,
            attempt.Passed,
            metadata.PassPercent,
            lessons,
            finalOf);
    }

    private static QuestionView Question(PaperQuestion q, QuestionState state, QuizMetadata quiz, bool unanswered)
    {
        var question = q.Question;
        var answer = state.Answer;
        var locked = state.Locked;
        var choices = new List<ChoiceView>();
        var targets = new List<ChoiceView>();
        IReadOnlyList<string> solution = [];
        switch (question.Kind)
        {
            case QuestionKind.Single or QuestionKind.Multiple:
                foreach (var c in q.Choices)
                {
                    var option = question.Options[c.Index];
                    choices.Add(new ChoiceView(c.Token, c.Text, answer?.Chosen?.Contains(option.Id) == true,
                        locked ? option.Correct : null, locked ? option.Explanation : null, q.Field, null, null));
                }
                break;
            case QuestionKind.TrueFalse:
                foreach (var c in q.Choices)
                {
                    var value = c.Index == 1;
                    choices.Add(new ChoiceView(c.Token, c.Text, answer?.Flag == value, locked ? question.Answer == value : null, null, q.Field, null, null));
                }
                break;
            case QuestionKind.Order:
                foreach (var c in q.Choices)
                {
                    var place = answer?.Places is { } places && c.Index < places.Count ? places[c.Index] : null;
                    choices.Add(new ChoiceView(c.Token, c.Text, place is not null, locked ? place == c.Index : null, null, q.FieldFor(c),
                        place is { } p ? (p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null, null));
                }
                if (locked) solution = question.Items;
                break;
            case QuestionKind.Match:
                foreach (var c in q.Choices)
                {
                    var chosen = answer?.Places is { } places && c.Index < places.Count ? places[c.Index] : null;
                    var selected = chosen is { } r ? q.Targets.First(t => t.Index == r) : null;
                    choices.Add(new ChoiceView(c.Token, c.Text, selected is not null, locked ? chosen == c.Index : null, null, q.FieldFor(c),
                        selected?.Token, locked ? question.Right[c.Index] : null));
                }
                targets.AddRange(q.Targets.Select(t => new ChoiceView(t.Token, t.Text, false, null, null, q.Field, null, null)));
                break;
        }
        return new QuestionView(
            q.Number,
            question.Kind.ToString().ToLowerInvariant(),
            question.Text,
            q.Field,
            locked,
            locked && state.Right,
            locked && !state.Right && state.Score > 0,
            state.TryAgain,
            state.TryAgain ? question.Hint : null,
            locked ? question.Explanation : null,
            Math.Max(0, quiz.Tries - state.Tries),
            unanswered,
            choices,
            targets,
            answer?.Text,
            locked && question.Kind == QuestionKind.Text ? question.Answers : [],
            solution,
            Enumerable.Range(1, q.Choices.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
    }
}
