using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Quizzes;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Web.Learners;

namespace MyAlmaty.Learn.Web.Quizzes;

/// <summary>
/// A quiz's page, its attempts (start, answer, check, finish, review) and its item analysis (for those holding <see cref="Permissions.QuizzesAnalyse"/>).
/// Every form is a plain POST; grading happens in <see cref="QuizAttempts"/> on the server.
/// </summary>
public static class QuizEndpoints
{
    /// <summary>Form fields that are not answers.</summary>
    private static readonly HashSet<string> ControlFields = new(StringComparer.Ordinal) { "step", "check", "finish", "save" };

    public static IEndpointRouteBuilder MapQuizPages(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup(SiteEndpoints.CulturePattern + "/quizzes/{slug}");
        site.MapPage("", IntroAsync);
        site.MapPost("/attempts", StartAsync).DisableAntiforgery();
        site.MapPage("/attempts/{id}", AttemptAsync);
        site.MapPost("/attempts/{id}", SubmitAsync).DisableAntiforgery();
        site.MapPage("/analysis", AnalysisAsync).RequirePermission(Permissions.QuizzesAnalyse);
        return app;
    }

    private static PublishedItem? Quiz(PublishedContent published, string culture, string slug) =>
        published.Current.BySlug(culture, ContentTypeNames.Quiz, slug);

    /// <summary>The quiz and the attempt at it, when the attempt is the requesting learner's own.</summary>
    private static async Task<(PublishedItem Quiz, string Learner, QuizAttempt Attempt)?> FindAttemptAsync(HttpContext http, PublishedContent published,
        QuizAttempts attempts, string culture, string slug, string id) =>
        Quiz(published, culture, slug) is { } quiz && LearnerIdentity.Current(http) is { } learner
            && await attempts.FindAsync(id, learner) is { } attempt && attempt.QuizKey == quiz.TranslationKey && attempt.Culture == quiz.Culture
            ? (quiz, learner, attempt)
            : null;

    private static async Task<IResult> IntroAsync(HttpContext http, string culture, string slug, SitePages pages, PublishedContent published,
        QuizViews views, QuizAttempts attempts, PermissionGrants permissions)
    {
        if (Quiz(published, culture, slug) is not { } quiz) return await SiteEndpoints.NotFound(http, culture, pages);
        var learner = LearnerIdentity.Current(http);
        var mine = learner is null ? [] : await attempts.OfLearnerAsync(learner, quiz.TranslationKey);
        var model = views.Intro(quiz, mine, attempts.IsExpired, permissions.Has(http.User, Permissions.QuizzesAnalyse) ? $"{QuizRoutes.QuizUrl(quiz)}/analysis" : null);
        return await pages.Render(http, "quiz", pages.ForItem(http, quiz, "courses"), model, forms: true);
    }

    private static async Task<IResult> StartAsync(HttpContext http, string culture, string slug, SitePages pages, PublishedContent published,
        QuizAttempts attempts, QuizViews views, IAntiforgery antiforgery)
    {
        if (Quiz(published, culture, slug) is not { } quiz) return await SiteEndpoints.NotFound(http, culture, pages);
        if (!await antiforgery.IsRequestValidAsync(http)) return await Refusals.ResultAsync(http, StatusCodes.Status400BadRequest);
        var attempt = await attempts.StartAsync(LearnerIdentity.CurrentOrNew(http), quiz);
        // The open attempt may have been started in the other language: it goes on in its own.
        return Results.Redirect(views.AttemptUrl(quiz, attempt));
    }

    private static async Task<IResult> AttemptAsync(HttpContext http, string culture, string slug, string id, SitePages pages, PublishedContent published,
        QuizViews views, QuizAttempts attempts)
    {
        if (await FindAttemptAsync(http, published, attempts, culture, slug, id) is not var (quiz, _, attempt)) return await SiteEndpoints.NotFound(http, culture, pages);
        return await RenderAttemptAsync(http, pages, views, attempts, quiz, attempt, [], null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> RenderAttemptAsync(HttpContext http, SitePages pages, QuizViews views, QuizAttempts attempts,
        PublishedItem quiz, QuizAttempt attempt, IReadOnlyList<string> errors, IReadOnlyList<int>? unanswered, int status, bool askToConfirm = false)
    {
        var metadata = await attempts.QuizOfAsync(attempt);
        if (metadata is null) return await SiteEndpoints.NotFound(http, quiz.Culture, pages);
        var model = views.Attempt(quiz, metadata, attempt, attempts.IsExpired(attempt), attempt.ReadState(), errors, unanswered, askToConfirm);
        http.Response.Headers.CacheControl = "no-store";
        return await pages.Render(http, "quiz-attempt", pages.ForItem(http, quiz, "courses"), model, status, forms: true);
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, string culture, string slug, string id, SitePages pages, PublishedContent published,
        QuizViews views, QuizAttempts attempts, QuizProgress quizProgress, LearnerSession session, UserManager<LearnUser> users,
        IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions, UiStrings strings, AlmatyClock clock)
    {
        if (await FindAttemptAsync(http, published, attempts, culture, slug, id) is not var (quiz, learner, attempt)) return await SiteEndpoints.NotFound(http, culture, pages);
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http)) return await Refusals.ResultAsync(http, StatusCodes.Status400BadRequest);
        var form = await http.Request.ReadFormAsync();
        var antiforgeryField = antiforgeryOptions.Value.FormFieldName;
        var fields = form.Where(f => f.Key != antiforgeryField)
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.Select(v => v ?? "").ToList(), StringComparer.Ordinal);

        var metadata = await attempts.QuizOfAsync(attempt);
        if (metadata is null) return await SiteEndpoints.NotFound(http, culture, pages);
        if (!int.TryParse(form["step"], out var step))
        {
            return await RenderAttemptAsync(http, pages, views, attempts, quiz, attempt, [strings.Get(culture, SubmissionMessages.MissingField)], null, StatusCodes.Status400BadRequest);
        }
        var action = form["check"].ToString() is { Length: > 0 } check
            ? int.TryParse(check, out var number) ? SubmitAction.CheckQuestion(number) : SubmitAction.CheckQuestion(-1)
            : form["finish"].ToString() switch
            {
                "confirm" => SubmitAction.FinishQuiz(confirmed: true),
                { Length: > 0 } => SubmitAction.FinishQuiz(),
                _ => SubmitAction.Save,
            };

        var result = await attempts.SubmitAsync(attempt, metadata, step, action, fields, ControlFields);
        var message = result.Message is null ? null : strings.Get(culture, result.Message, (result.Arguments ?? []).Select(a => a is DateTime utc ? clock.FormatDateTime(utc, culture) : a).ToArray());
        switch (result.Outcome)
        {
            case SubmissionOutcome.Finished:
                if (attempt.Passed) await RecordPassAsync(http, learner, quiz, quizProgress, session, users);
                return Results.Redirect(QuizRoutes.AttemptUrl(quiz, attempt.Id) + "#result");
            case SubmissionOutcome.Checked:
                return Results.Redirect(QuizRoutes.AttemptUrl(quiz, attempt.Id) + $"#q{action.Check}");
            case SubmissionOutcome.Saved:
                return Results.Redirect(QuizRoutes.AttemptUrl(quiz, attempt.Id));
            case SubmissionOutcome.Unanswered:
                return await RenderAttemptAsync(http, pages, views, attempts, quiz, attempt, [message!], result.Unanswered, StatusCodes.Status200OK, askToConfirm: action.Finish);
            default:
                // Refused, replayed, stale or late: nothing was recorded; show the attempt as it stands, with the reason.
                var status = result.Outcome == SubmissionOutcome.Refused ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
                var current = await attempts.FindAsync(id, learner) ?? attempt;
                return await RenderAttemptAsync(http, pages, views, attempts, quiz, current, [message!], null, status);
        }
    }

    /// <summary>Passing completes the quiz's lessons, or the course step of a final quiz; a signed-in learner may earn a certificate.</summary>
    private static async Task RecordPassAsync(HttpContext http, string learner, PublishedItem quiz, QuizProgress quizProgress, LearnerSession session, UserManager<LearnUser> users)
    {
        await quizProgress.RecordPassAsync(learner, quiz);
        if (LearnerIdentity.UserId(http) is { } userId && await users.FindByIdAsync(userId) is { } user)
        {
            await session.IssueEarnedCertificatesAsync(user, quiz.Culture);
        }
    }

    private static async Task<IResult> AnalysisAsync(HttpContext http, string culture, string slug, SitePages pages, PublishedContent published,
        QuizAttempts attempts, UiStrings strings)
    {
        if (Quiz(published, culture, slug) is not { } quiz) return await SiteEndpoints.NotFound(http, culture, pages);
        var finished = await attempts.FinishedAsync(quiz.TranslationKey);
        var analysis = QuizAnalysis.Of(quiz.MetadataAs<QuizMetadata>(), finished, flag => strings.Get(culture, flag ? "True" : "False"));
        var model = new { quiz.Title, QuizUrl = QuizRoutes.QuizUrl(quiz), Analysis = analysis };
        return await pages.Render(http, "quiz-analysis", pages.ForItem(http, quiz, "courses"), model);
    }
}
