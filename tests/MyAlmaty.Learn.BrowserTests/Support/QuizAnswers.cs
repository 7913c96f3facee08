using MyAlmaty.Learn.Quizzes;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.BrowserTests.Support;

/// <summary>
/// Answers the open questions of an attempt page with the mouse and keyboard, right or wrong. The
/// answers come from the quiz as authored, matched to the page by visible text only.
/// </summary>
public static class QuizAnswers
{
    public static async Task FillAsync(IPage page, QuizMetadata quiz, bool right)
    {
        var questions = page.Locator("form.quiz-form fieldset.question");
        for (var i = 0; i < await questions.CountAsync(); i++)
        {
            var fieldset = questions.Nth(i);
            if (await fieldset.Locator("input, select").CountAsync() == 0) continue;
            var text = PageFacts.Normalize(await fieldset.Locator(".question-text").InnerTextAsync());
            var question = quiz.Questions.Single(q => PageFacts.Normalize(q.Text) == text);
            await AnswerAsync(fieldset, question, right);
        }
    }

    private static async Task AnswerAsync(ILocator fieldset, QuizQuestion q, bool right)
    {
        switch (q.Kind)
        {
            case QuestionKind.Single or QuestionKind.Multiple:
                foreach (var option in q.Options.Where(o => IntendedAnswer.Picks(q, o, right)))
                {
                    await fieldset.GetByLabel(option.Text, new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
                }
                break;
            case QuestionKind.TrueFalse:
                await fieldset.Locator("input[type=radio]").Nth(IntendedAnswer.TrueFalseIndex(q, right)).CheckAsync();
                break;
            case QuestionKind.Text:
                await fieldset.Locator("input[type=text]").FillAsync(IntendedAnswer.Text(q, right));
                break;
            case QuestionKind.Order:
                for (var i = 0; i < q.Items.Count; i++)
                {
                    var place = IntendedAnswer.Place(q, i, right).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await fieldset.GetByLabel(q.Items[i], new LocatorGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = place });
                }
                break;
            case QuestionKind.Match:
                for (var i = 0; i < q.Left.Count; i++)
                {
                    var wanted = IntendedAnswer.Definition(q, i, right);
                    await fieldset.GetByLabel(q.Left[i], new LocatorGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = wanted });
                }
                break;
        }
    }
}
