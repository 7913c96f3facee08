using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Courses.Certificates;
using MyAlmaty.Learn.Courses.Progress;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Learners;

public sealed class ProgressAndCertificateTests
{
    [Fact]
    public async Task Progress_made_anonymously_moves_into_the_account_and_nothing_is_lost()
    {
        await using var services = await ContentServices.CreateAsync();
        await using var scope = services.Services.CreateAsyncScope();
        var progress = scope.ServiceProvider.GetRequiredService<LearnerProgress>();
        await progress.MarkDoneAsync("anon-1", "urban-activist");
        await progress.MarkDoneAsync("anon-1", "informal-communities");
        await progress.MarkDoneAsync("user-1", "informal-communities");
        await progress.MarkDoneAsync("user-1", "smart-city-concept");

        var moved = await progress.MergeAsync("anon-1", "user-1");

        Assert.Equal(1, moved);
        Assert.Equal(["informal-communities", "smart-city-concept", "urban-activist"], (await progress.CompletedAsync("user-1")).Order());
        Assert.Empty(await progress.CompletedAsync("anon-1"));
    }

    [Fact]
    public async Task Marking_a_lesson_twice_records_it_once()
    {
        await using var services = await ContentServices.CreateAsync();
        await using var scope = services.Services.CreateAsyncScope();
        var progress = scope.ServiceProvider.GetRequiredService<LearnerProgress>();

        await progress.MarkDoneAsync("anon-2", "urban-activist");
        await progress.MarkDoneAsync("anon-2", "urban-activist");

        Assert.Single(await progress.AllAsync("anon-2"));
    }

    [Fact]
    public async Task Progress_counts_across_languages_and_names_the_next_lesson()
    {
        await using var services = await ContentServices.CreateAsync();
        await services.ImportAsync(RepoPaths.Content);
        var courses = services.Services.GetRequiredService<CourseCatalog>();
        var done = new HashSet<string> { "urban-activist", "informal-communities" };

        var ru = CourseProgress.Of(courses.Course("ru", "grassroots")!, done);
        var kk = CourseProgress.Of(courses.Course("kk", "grassroots")!, done);

        // Six lessons and the final quiz.
        Assert.Equal((2, 7, 28, "grassroots-initiatives"), (ru.Done, ru.Total, ru.Percent, ru.Next!.TranslationKey));
        Assert.Equal((ru.Done, ru.Percent), (kk.Done, kk.Percent));
        Assert.False(ru.Complete);
    }

    [Fact]
    public async Task A_course_with_a_final_quiz_is_complete_only_once_the_quiz_is_passed()
    {
        await using var services = await ContentServices.CreateAsync();
        await services.ImportAsync(RepoPaths.Content);
        var course = services.Services.GetRequiredService<CourseCatalog>().Course("ru", "grassroots")!;
        var lessons = course.Lessons.Select(l => l.TranslationKey).ToHashSet();

        var read = CourseProgress.Of(course, lessons);
        var passed = CourseProgress.Of(course, lessons.Append(CourseProgress.QuizStep("grassroots-final")).ToHashSet());

        Assert.Equal((6, 7, false, "grassroots-final"), (read.Done, read.Total, read.Complete, read.Next!.TranslationKey));
        Assert.Equal((7, 100, true, null), (passed.Done, passed.Percent, passed.Complete, passed.Next));
    }

    [Fact]
    public async Task A_certificate_verifies_while_valid_and_not_once_revoked_and_an_unknown_code_is_unknown()
    {
        await using var services = await ContentServices.CreateAsync();
        await using var scope = services.Services.CreateAsyncScope();
        var certificates = scope.ServiceProvider.GetRequiredService<Certificates>();

        var issued = await certificates.IssueAsync("user-1", "grassroots", "kk", "Айгерім Сәрсенова");
        var again = await certificates.IssueAsync("user-1", "grassroots", "kk", "Айгерім Сәрсенова");

        Assert.Equal(issued.Code, again.Code);
        Assert.Matches("^MA-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", issued.Code);
        Assert.Equal(CertificateStatus.Valid, (await certificates.VerifyAsync(issued.Code.ToLowerInvariant().Replace("-", " "))).Status);
        Assert.Equal(CertificateStatus.Unknown, (await certificates.VerifyAsync("MA-0000-0000-0000")).Status);
        Assert.True(await certificates.RevokeAsync(issued.Code));
        Assert.Equal(CertificateStatus.Revoked, (await certificates.VerifyAsync(issued.Code)).Status);
    }
}
