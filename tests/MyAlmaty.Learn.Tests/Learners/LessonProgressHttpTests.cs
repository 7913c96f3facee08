using System.Net;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Learners;

[Collection(SiteCollection.Name)]
public sealed class LessonProgressHttpTests(SiteFixture fixture)
{
    [Fact]
    public async Task A_first_time_reader_gets_the_same_cacheable_lesson_page_and_can_still_mark_it_read()
    {
        using var reader = fixture.Site.NewClient();

        var page = await reader.GetAsync("/ru/courses/smart-city/digital-services");
        var marked = await reader.PostAsync("/ru/courses/smart-city/digital-services/done", new FormUrlEncodedContent([]));

        Assert.False(page.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Contains(marked.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ma_learner=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reader_with_progress_must_send_the_forms_token()
    {
        using var reader = fixture.Site.NewClient();
        await reader.PostAsync("/ru/courses/smart-city/digital-services/done", new FormUrlEncodedContent([]));

        var forged = await reader.PostAsync("/ru/courses/smart-city/two-way-dialogue/done", new FormUrlEncodedContent([]));
        var genuine = await Forms.SubmitAsync(reader, "/ru/courses/smart-city/two-way-dialogue", "/ru/courses/smart-city/two-way-dialogue/done");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, genuine.StatusCode);
    }
}
