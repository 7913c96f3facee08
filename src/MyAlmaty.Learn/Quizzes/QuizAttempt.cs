using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Quizzes;

/// <summary>
/// One try at a quiz by one learner (an account, or an anonymous reader until they sign in).
/// The attempt keeps the content version it began on and a random seed, from which its paper —
/// drawn questions, shuffled options — follows. <see cref="Step"/> counts accepted submissions:
/// a form carries the step it was made at, so a replayed or stale form is refused.
/// </summary>
public sealed class QuizAttempt
{
    public required string Id { get; set; }
    public required string LearnerId { get; set; }
    public required string QuizKey { get; set; }
    public required string Culture { get; set; }
    public int VersionId { get; set; }
    public long Seed { get; set; }
    public QuizMode Mode { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime? DeadlineUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public int Step { get; set; }

    /// <summary>
    /// Set while the attempt is the learner's open one at its quiz (learner and quiz), cleared when it
    /// finishes or runs out of time. Unique in the database, so two requests at once cannot both open one.
    /// </summary>
    public string? OpenKey { get; set; }

    public static string OpenKeyOf(string learnerId, string quizKey) => learnerId + "|" + quizKey;

    /// <summary>Each question's answer, tries and mark, as JSON (<see cref="AttemptState"/>).</summary>
    public string State { get; set; } = "{}";

    public double Score { get; set; }
    public int MaxScore { get; set; }
    public bool Passed { get; set; }

    public bool Finished => FinishedUtc is not null;

    public int Percent => MaxScore == 0 ? 0 : (int)Math.Floor(100 * Score / MaxScore + 1e-9);

    public bool Expired(DateTime nowUtc) => !Finished && DeadlineUtc is { } deadline && nowUtc > deadline;

    public AttemptState ReadState() => JsonSerializer.Deserialize<AttemptState>(State, AttemptState.Json) ?? new AttemptState();

    public void WriteState(AttemptState state) => State = JsonSerializer.Serialize(state, AttemptState.Json);
}

/// <summary>What an attempt knows about each of its questions, by question id.</summary>
public sealed record AttemptState
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Dictionary<string, QuestionState> Questions { get; init; } = new(StringComparer.Ordinal);

    public QuestionState Of(string questionId) => Questions.GetValueOrDefault(questionId) ?? new QuestionState();
}

/// <summary>
/// One question in one attempt: the latest answer (a draft until it is checked or the attempt
/// ends), how many times it was checked, and once <see cref="Locked"/> its final mark.
/// </summary>
public sealed record QuestionState
{
    public QuestionAnswer? Answer { get; init; }
    public int Tries { get; init; }
    public bool Locked { get; init; }
    public double Score { get; init; }
    public bool Right { get; init; }

    /// <summary>The last check was wrong and another try is allowed: show the hint.</summary>
    public bool TryAgain { get; init; }
}

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> attempt)
    {
        attempt.ToTable("QuizAttempts");
        attempt.HasKey(a => a.Id);
        attempt.Property(a => a.Id).HasMaxLength(32);
        attempt.Property(a => a.LearnerId).HasMaxLength(64);
        attempt.Property(a => a.QuizKey).HasMaxLength(200);
        attempt.Property(a => a.Culture).HasMaxLength(8);
        attempt.Property(a => a.Mode).HasConversion<string>().HasMaxLength(16);
        attempt.Property(a => a.Step).IsConcurrencyToken();
        attempt.Property(a => a.OpenKey).HasMaxLength(280);
        attempt.HasIndex(a => a.OpenKey).IsUnique();
        attempt.Ignore(a => a.Finished);
        attempt.Ignore(a => a.Percent);
        attempt.HasIndex(a => new { a.LearnerId, a.QuizKey });
        attempt.HasIndex(a => new { a.QuizKey, a.FinishedUtc });
    }
}
