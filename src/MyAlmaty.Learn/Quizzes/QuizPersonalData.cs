using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Quizzes;

/// <summary>A learner's quiz attempts, with every answer they gave.</summary>
public sealed class QuizPersonalData(QuizAttempts attempts) : IPersonalDataHolder
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
    [
        new("quizAttempts", [.. (await attempts.AllAsync(subject.UserId, cancellationToken)).Select(a => new
        {
            Quiz = a.QuizKey, a.Culture, a.StartedUtc, a.FinishedUtc, a.Score, a.MaxScore, a.Percent, a.Passed,
            Answers = a.ReadState().Questions,
        })]),
    ];

    public Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
        attempts.DeleteAllAsync(subject.UserId, cancellationToken);
}
