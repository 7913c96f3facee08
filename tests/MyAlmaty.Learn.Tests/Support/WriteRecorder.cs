using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MyAlmaty.Learn.Tests.Support;

/// <summary>
/// Notes every statement that writes to the database, by the request that caused it (the request's
/// <see cref="Header"/>), so a test can tell that a refused request wrote nothing. Background work
/// (the mail sender, the search indexer) has no request and is not counted.
/// </summary>
public sealed partial class WriteRecorder(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Test-Request";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _writes = new();

    public IReadOnlyList<string> WritesOf(string request) => _writes.TryGetValue(request, out var writes) ? [.. writes] : [];

    [GeneratedRegex(@"(^|;)\s*(INSERT|UPDATE|DELETE|REPLACE)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Writing();

    private void Note(DbCommand command)
    {
        if (http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } request && Writing().IsMatch(command.CommandText))
        {
            _writes.GetOrAdd(request, _ => new ConcurrentQueue<string>()).Enqueue(command.CommandText);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }
}
