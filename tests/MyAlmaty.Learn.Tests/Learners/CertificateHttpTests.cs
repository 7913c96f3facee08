using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Courses.Certificates;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Learners;

[Collection(SiteCollection.Name)]
public sealed class CertificateHttpTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task Finishing_a_course_issues_a_certificate_that_anyone_can_verify_until_it_is_revoked()
    {
        var email = AccountFlowTests.NewEmail();
        using var learner = Site.NewClient();
        await Forms.SubmitAsync(learner, "/kk/account/sign-in", "/kk/account/link", ("email", email));
        await AccountFlowTests.UseLinkAsync(learner, Mailbox.LinkIn((await Mailbox.WaitForAsync(Site.MailFolder, email)).Single()));
        var course = Site.Services.GetRequiredService<CourseCatalog>().Course("kk", "smart-city")!;
        foreach (var lesson in course.Lessons)
        {
            await AccountFlowTests.MarkDoneAsync(learner, CourseRoutes.LessonUrl(course.Course, lesson));
        }
        await Forms.SubmitAsync(learner, "/kk/account", "/kk/account", ("certificate_name", "Айгерім Сейітқазы"), ("preferred_culture", "kk"));
        var (_, lessonsOnly) = await Html.GetAsync(learner, "/kk/my");
        Assert.Null(lessonsOnly.QuerySelector("a[href^='/kk/certificates/']"));
        await Forms.SubmitAsync(learner, "/kk/account", "/kk/account", ("certificate_name", ""), ("preferred_culture", "kk"));
        await QuizTaker.PassAsync(learner, Site.Services, "kk", "smart-city-final");

        var (_, nameless) = await Html.GetAsync(learner, "/kk/my");
        Assert.Null(nameless.QuerySelector("a[href^='/kk/certificates/']"));
        await Forms.SubmitAsync(learner, "/kk/account", "/kk/account", ("certificate_name", "Айгерім Сейітқазы"), ("preferred_culture", "kk"));
        var (_, dashboard) = await Html.GetAsync(learner, "/kk/my");
        var certificateLink = dashboard.QuerySelector("a[href^='/kk/certificates/']")?.GetAttribute("href");
        Assert.NotNull(certificateLink);
        var code = certificateLink!.Split('/').Last();
        var (certificateResponse, certificate) = await Html.GetAsync(learner, certificateLink);
        Assert.Equal(HttpStatusCode.OK, certificateResponse.StatusCode);
        Assert.Contains(course.Course.Title, certificate.QuerySelector("main")!.TextContent);
        Assert.Contains("Айгерім Сейітқазы", certificate.QuerySelector("main")!.TextContent);
        using (var anyone = Site.NewClient())
        {
            Assert.DoesNotContain(email, await anyone.GetStringAsync(certificateLink));
        }
        await Forms.SubmitAsync(learner, "/kk/account", "/kk/account", ("certificate_name", "Әлия Нұрланқызы"), ("preferred_culture", "kk"));
        var (_, renamed) = await Html.GetAsync(learner, certificateLink);
        Assert.Contains("Әлия Нұрланқызы", renamed.QuerySelector("main")!.TextContent);

        using var stranger = Site.NewClient();
        var (valid, validPage) = await Html.GetAsync(stranger, $"/ru/verify?code={code}");
        var (unknown, _) = await Html.GetAsync(stranger, "/ru/verify?code=MA-0000-0000-0000");
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<Certificates>().RevokeAsync(code));
        }
        var (revoked, revokedPage) = await Html.GetAsync(stranger, $"/ru/verify?code={code}");

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.NotEqual(validPage.QuerySelector("main")!.TextContent, revokedPage.QuerySelector("main")!.TextContent);
        Assert.Equal($"/ru/verify?code={code}", (await stranger.GetAsync($"/verify/{code}")).Headers.Location!.OriginalString);
    }
}
