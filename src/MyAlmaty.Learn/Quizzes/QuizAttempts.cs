using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Quizzes;

public enum SubmissionOutcome
{
    /// <summary>One question was checked (mode each).</summary>
    Checked,

    /// <summary>The answers were kept as drafts, nothing graded.</summary>
    Saved,

    /// <summary>The attempt is finished and graded.</summary>
    Finished,

    /// <summary>Some questions have no answer: the answers given are kept as drafts and the learner is asked.</summary>
    Unanswered,

    /// <summary>The form does not fit the attempt (tampered or broken): nothing is recorded.</summary>
    Refused,

    /// <summary>A form sent to a finished attempt, e.g. replayed: nothing is recorded.</summary>
    AlreadyFinished,

    /// <summary>A form made at an earlier step of the attempt (another tab, a replay): nothing is recorded.</summary>
    Stale,

    /// <summary>Sent after the time limit: nothing is recorded.</summary>
    TimeUp,
}

public sealed record Submission(SubmissionOutcome Outcome, string? Message = null, object?[]? Arguments = null, IReadOnlyList<int>? Unanswered = null)
{
    public bool Recorded => Outcome is SubmissionOutcome.Checked or SubmissionOutcome.Saved or SubmissionOutcome.Finished or SubmissionOutcome.Unanswered;
}

/// <summary>What the learner asked for: check one question (by its number on the paper), finish, or only keep the answers.</summary>
public sealed record SubmitAction(int? Check, bool Finish, bool Confirmed)
{
    public static readonly SubmitAction Save = new(null, false, false);

    public static SubmitAction CheckQuestion(int number) => new(number, false, false);

    public static SubmitAction FinishQuiz(bool confirmed = false) => new(null, true, confirmed);
}

/// <summary>Starts attempts, takes their submissions and grades them. Grading happens here and nowhere else.</summary>
public sealed class QuizAttempts(LearnDbContext db, TimeProvider clock, PublishedContent published)
{
    /// <summary>Time allowed after the deadline for a form already on its way.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(20);

    /// <summary>The share of a point each retry of a question costs (Moodle's default penalty).</summary>
    public const double RetryPenalty = 1.0 / 3;

    /// <summary>
    /// The learner's open attempt at the quiz, or a new one when there is none: one open attempt at a
    /// time, however many requests arrive together (the open key is unique in the database).
    /// </summary>
    public async Task<QuizAttempt> StartAsync(string learnerId, PublishedItem quiz, CancellationToken cancellationToken = default)
    {
        var metadata = quiz.MetadataAs<QuizMetadata>();
        var now = clock.GetUtcNow().UtcDateTime;
        var openKey = QuizAttempt.OpenKeyOf(learnerId, quiz.TranslationKey);
        if (await db.Set<QuizAttempt>().FirstOrDefaultAsync(a => a.OpenKey == openKey, cancellationToken) is { } open)
        {
            if (!open.Expired(now)) return open;
            open.OpenKey = null;
        }
        var attempt = new QuizAttempt
        {
            Id = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            LearnerId = learnerId,
            QuizKey = quiz.TranslationKey,
            Culture = quiz.Culture,
            VersionId = quiz.VersionId,
            Seed = BinaryPrimitives.ReadInt64LittleEndian(RandomNumberGenerator.GetBytes(8)),
            Mode = metadata.Mode,
            StartedUtc = now,
            DeadlineUtc = metadata.TimeLimitMinutes is { } minutes ? now.AddMinutes(minutes) : null,
            MaxScore = metadata.QuestionsPerAttempt,
            OpenKey = openKey,
        };
        db.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return attempt;
        }
        catch (DbUpdateException)
        {
            // Another request opened one at the same moment: that one is the learner's attempt.
            db.ChangeTracker.Clear();
            return await db.Set<QuizAttempt>().FirstOrDefaultAsync(a => a.OpenKey == openKey, cancellationToken) ?? throw new InvalidOperationException("An attempt could not be opened.");
        }
    }

    /// <summary>The learner's attempt, tracked for a submission; null for someone else's.</summary>
    public Task<QuizAttempt?> FindAsync(string id, string learnerId, CancellationToken cancellationToken = default) =>
        db.Set<QuizAttempt>().FirstOrDefaultAsync(a => a.Id == id && a.LearnerId == learnerId, cancellationToken);

    public async Task<IReadOnlyList<QuizAttempt>> OfLearnerAsync(string learnerId, string quizKey, CancellationToken cancellationToken = default) =>
        await db.Set<QuizAttempt>().AsNoTracking()
            .Where(a => a.LearnerId == learnerId && a.QuizKey == quizKey)
            .OrderByDescending(a => a.StartedUtc)
            .ToListAsync(cancellationToken);

    /// <summary>The quiz as it was when the attempt began (usually the published version).</summary>
    public async Task<QuizMetadata?> QuizOfAsync(QuizAttempt attempt, CancellationToken cancellationToken = default)
    {
        var current = published.Current.ByKey(attempt.Culture, Content.Types.ContentTypeNames.Quiz, attempt.QuizKey);
        if (current?.VersionId == attempt.VersionId) return current.MetadataAs<QuizMetadata>();
        return await published.VersionMetadataAsync<QuizMetadata>(attempt.VersionId, cancellationToken);
    }

    public bool IsExpired(QuizAttempt attempt) => attempt.Expired(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Takes one posted form. A form that does not fit — finished attempt, wrong step, past the time
    /// limit, fields the paper does not have — is refused and changes nothing.
    /// </summary>
    public async Task<Submission> SubmitAsync(QuizAttempt attempt, QuizMetadata quiz, int step, SubmitAction action,
        IReadOnlyDictionary<string, IReadOnlyList<string>> fields, IReadOnlySet<string> control, CancellationToken cancellationToken = default)
    {
        if (attempt.Finished) return new Submission(SubmissionOutcome.AlreadyFinished, SubmissionMessages.Finished);
        var now = clock.GetUtcNow().UtcDateTime;
        if (attempt.DeadlineUtc is { } deadline && now > deadline + Grace) return new Submission(SubmissionOutcome.TimeUp, SubmissionMessages.TimeUp, [deadline]);
        if (step != attempt.Step) return new Submission(SubmissionOutcome.Stale, SubmissionMessages.Stale);

        var paper = QuizPaper.For(quiz, attempt.Seed);
        var state = attempt.ReadState();
        var open = paper.Questions.Where(q => !state.Of(q.Question.Id).Locked).Select(q => q.Number).ToHashSet();
        var reading = QuizForm.Read(paper, open, fields, control);
        if (reading.Problem is not null) return new Submission(SubmissionOutcome.Refused, reading.Problem, reading.Arguments);
        foreach (var (id, answer) in reading.Answers) state.Questions[id] = state.Of(id) with { Answer = answer };

        Submission outcome;
        if (action.Check is { } number)
        {
            if (attempt.Mode != QuizMode.Each || !open.Contains(number)) return new Submission(SubmissionOutcome.Refused, SubmissionMessages.NotCheckable);
            var question = paper.ByNumber(number)!.Question;
            if (state.Of(question.Id).Answer is not { IsComplete: true })
            {
                // Checking an empty answer would only use up a try: keep the drafts and ask for an answer.
                outcome = new Submission(SubmissionOutcome.Unanswered, SubmissionMessages.CheckUnanswered, [number], [number]);
            }
            else
            {
                state.Questions[question.Id] = Check(question, state.Of(question.Id), quiz.Tries);
                outcome = new Submission(SubmissionOutcome.Checked);
            }
        }
        else if (!action.Finish)
        {
            outcome = new Submission(SubmissionOutcome.Saved);
        }
        else
        {
            var unanswered = paper.Questions.Where(q => open.Contains(q.Number) && state.Of(q.Question.Id).Answer is not { IsComplete: true }).Select(q => q.Number).ToList();
            if (unanswered.Count > 0 && !action.Confirmed)
            {
                outcome = new Submission(SubmissionOutcome.Unanswered, SubmissionMessages.Unanswered, [string.Join(", ", unanswered)], unanswered);
            }
            else
            {
                Finish(attempt, quiz, paper, state, now);
                outcome = new Submission(SubmissionOutcome.Finished);
            }
        }
        attempt.WriteState(state);
        attempt.Step++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request took this step first (a double click, a second tab): this one records nothing.
            db.ChangeTracker.Clear();
            return new Submission(SubmissionOutcome.Stale, SubmissionMessages.Stale);
        }
        return outcome;
    }

    /// <summary>Grades one try; right locks it, wrong locks it once the tries are used up.</summary>
    internal static QuestionState Check(QuizQuestion question, QuestionState current, int triesAllowed)
    {
        var (mark, locked) = Grade(question, current);
        return mark.Right || locked.Tries >= triesAllowed ? locked : current with { Tries = locked.Tries, TryAgain = true };
    }

    /// <summary>
    /// Grades the current answer as one more try and locks the question with its mark; each earlier
    /// try costs <see cref="RetryPenalty"/>. In mode whole nothing is checked before the end, so there
    /// is no earlier try and no penalty.
    /// </summary>
    private static (Mark Mark, QuestionState Locked) Grade(QuizQuestion question, QuestionState current)
    {
        var mark = QuizGrader.Grade(question, current.Answer);
        var score = Math.Max(0, mark.Score - RetryPenalty * current.Tries);
        return (mark, current with { Tries = current.Tries + 1, Locked = true, Score = score, Right = mark.Right, TryAgain = false });
    }

    private static void Finish(QuizAttempt attempt, QuizMetadata quiz, QuizPaper paper, AttemptState state, DateTime now)
    {
        foreach (var q in paper.Questions)
        {
            var current = state.Of(q.Question.Id);
            if (!current.Locked) state.Questions[q.Question.Id] = Grade(q.Question, current).Locked;
        }
        attempt.Score = Math.Round(paper.Questions.Sum(q => state.Of(q.Question.Id).Score), 4);
        attempt.MaxScore = paper.Questions.Count;
        attempt.FinishedUtc = now;
        attempt.OpenKey = null;
        attempt.Passed = attempt.Percent >= quiz.PassPercent;
    }

    /// <summary>Moves an anonymous reader's attempts into their account.</summary>
    /// <remarks>
    /// Where both have an open attempt at the same quiz, the account's stays open and the reader's
    /// ends without a grade (its time is up), so that there is still one open attempt.
    /// </remarks>
    public async Task<int> MergeAsync(string fromLearnerId, string intoLearnerId, CancellationToken cancellationToken = default)
    {
        if (fromLearnerId == intoLearnerId) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var prefix = intoLearnerId + "|";
        var openInAccount = await db.Set<QuizAttempt>().AsNoTracking().Where(a => a.LearnerId == intoLearnerId && a.OpenKey != null).Select(a => a.QuizKey).ToListAsync(cancellationToken);
        await db.Set<QuizAttempt>().Where(a => a.LearnerId == fromLearnerId && a.OpenKey != null && openInAccount.Contains(a.QuizKey))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.OpenKey, (string?)null).SetProperty(a => a.DeadlineUtc, now.AddSeconds(-1) - Grace), cancellationToken);
        return await db.Set<QuizAttempt>().Where(a => a.LearnerId == fromLearnerId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LearnerId, intoLearnerId)
                .SetProperty(a => a.OpenKey, a => a.OpenKey == null ? null : prefix + a.QuizKey), cancellationToken);
    }

    public Task<int> DeleteAllAsync(string learnerId, CancellationToken cancellationToken = default) =>
        db.Set<QuizAttempt>().Where(a => a.LearnerId == learnerId).ExecuteDeleteAsync(cancellationToken);

    public async Task<IReadOnlyList<QuizAttempt>> AllAsync(string learnerId, CancellationToken cancellationToken = default) =>
        await db.Set<QuizAttempt>().AsNoTracking().Where(a => a.LearnerId == learnerId).OrderBy(a => a.StartedUtc).ToListAsync(cancellationToken);

    /// <summary>Finished attempts at a quiz in any language, for item analysis.</summary>
    public async Task<IReadOnlyList<QuizAttempt>> FinishedAsync(string quizKey, CancellationToken cancellationToken = default) =>
        await db.Set<QuizAttempt>().AsNoTracking().Where(a => a.QuizKey == quizKey && a.FinishedUtc != null).ToListAsync(cancellationToken);
}
