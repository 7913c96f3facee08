using MyAlmaty.Learn.Quizzes;

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
                foreach (var option in q.Options)
                {
                    var pick = right ? option.Correct : !option.Correct && (q.Kind == QuestionKind.Multiple || option == q.Options.First(o => !o.Correct));
                    if (pick) await fieldset.GetByLabel(option.Text, new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
                }
                break;
            case QuestionKind.TrueFalse:
                // Shown as «true» then «false».
                var choice = (q.Answer == true) == right ? 0 : 1;
                await fieldset.Locator("input[type=radio]").Nth(choice).CheckAsync();
                break;
            case QuestionKind.Text:
                await fieldset.Locator("input[type=text]").FillAsync(right ? q.Answers[0] : "не знаю");
                break;
            case QuestionKind.Order:
                for (var i = 0; i < q.Items.Count; i++)
                {
                    var place = right ? i + 1 : q.Items.Count - i;
                    await fieldset.GetByLabel(q.Items[i], new LocatorGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = place.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                }
                break;
            case QuestionKind.Match:
                for (var i = 0; i < q.Left.Count; i++)
                {
                    var wanted = q.Right[right ? i : (i + 1) % q.Right.Count];
                    await fieldset.GetByLabel(q.Left[i], new LocatorGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = wanted });
                }
                break;
        }
    }
}
