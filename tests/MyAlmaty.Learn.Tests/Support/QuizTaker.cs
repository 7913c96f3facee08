using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Quizzes;

namespace MyAlmaty.Learn.Tests.Support;

/// <summary>
/// Takes a quiz over HTTP as a learner would, filling the form a browser would send. The answers
/// come from the quiz as authored (the test knows them; the page must not), matched by visible text.
/// </summary>
public static class QuizTaker
{
    public static QuizMetadata Quiz(IServiceProvider services, string culture, string slug) =>
        services.GetRequiredService<PublishedContent>().Current.BySlug(culture, ContentTypeNames.Quiz, slug)!.MetadataAs<QuizMetadata>();

    /// <summary>Presses the start button on the quiz's page; returns the attempt's address.</summary>
    public static async Task<string> StartAsync(HttpClient client, string quizPath)
    {
        var (_, intro) = await Html.GetAsync(client, quizPath);
        var response = await Forms.PostAsync(client, intro, quizPath + "/attempts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Every field of the attempt's form: hidden ones, and an answer to each open question, right or wrong.</summary>
    public static List<(string Name, string Value)> Fields(IDocument page, QuizMetadata quiz, bool right)
    {
        var form = page.QuerySelector("form.quiz-form");
        Assert.True(form is not null, "the attempt has no open form");
        var fields = form!.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        foreach (var fieldset in form.QuerySelectorAll("fieldset.question"))
        {
            if (fieldset.QuerySelector("input, select") is null) continue;
            var text = fieldset.QuerySelector(".question-text")!.TextContent.Trim();
            var question = quiz.Questions.Single(q => q.Text == text);
            fields.AddRange(Answer(fieldset, question, right));
        }
        return fields;
    }

    private static string LabelOf(IElement scope, IElement input) =>
        scope.QuerySelector($"label[for='{input.Id}']")!.TextContent.Trim();

    private static IEnumerable<(string, string)> Answer(IElement fieldset, QuizQuestion q, bool right)
    {
        switch (q.Kind)
        {
            case QuestionKind.Single or QuestionKind.Multiple:
                foreach (var input in fieldset.QuerySelectorAll("input"))
                {
                    var option = q.Options.Single(o => o.Text == LabelOf(fieldset, input));
                    if (IntendedAnswer.Picks(q, option, right)) yield return (input.GetAttribute("name")!, input.GetAttribute("value")!);
                }
                break;
            case QuestionKind.TrueFalse:
                var chosen = fieldset.QuerySelectorAll("input")[IntendedAnswer.TrueFalseIndex(q, right)];
                yield return (chosen.GetAttribute("name")!, chosen.GetAttribute("value")!);
                break;
            case QuestionKind.Text:
                var box = fieldset.QuerySelector("input[type=text]")!;
                yield return (box.GetAttribute("name")!, IntendedAnswer.Text(q, right));
                break;
            case QuestionKind.Order:
                foreach (var select in fieldset.QuerySelectorAll("select"))
                {
                    var place = IntendedAnswer.Place(q, q.Items.ToList().IndexOf(LabelOf(fieldset, select)), right);
                    yield return (select.GetAttribute("name")!, place.ToString(CultureInfo.InvariantCulture));
                }
                break;
            case QuestionKind.Match:
                foreach (var select in fieldset.QuerySelectorAll("select"))
                {
                    var wanted = IntendedAnswer.Definition(q, q.Left.ToList().IndexOf(LabelOf(fieldset, select)), right);
                    var option = select.QuerySelectorAll("option").Single(o => o.TextContent.Trim() == wanted);
                    yield return (select.GetAttribute("name")!, option.GetAttribute("value")!);
                }
                break;
        }
    }

    /// <summary>Answers every question right (or wrong) and finishes; returns the response to the post.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string attemptPath, QuizMetadata quiz, bool right)
    {
        var (_, page) = await Html.GetAsync(client, attemptPath);
        var fields = Fields(page, quiz, right);
        fields.Add(("finish", "confirm"));
        return await client.PostAsync(attemptPath, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
    }

    /// <summary>Starts and passes a quiz.</summary>
    public static async Task PassAsync(HttpClient client, IServiceProvider services, string culture, string slug)
    {
        var path = $"/{culture}/quizzes/{slug}";
        var attempt = await StartAsync(client, path);
        var response = await SubmitAsync(client, attempt, Quiz(services, culture, slug), right: true);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
