using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MyAlmaty.Learn.Data;

/// <summary>
/// Titles in alphabetical order as people expect it (қ after к, ё with е, case ignored), not by code
/// point: SQLite's own order puts every Kazakh letter after я. Registered on each SQLite connection as
/// the collation <see cref="Name"/>, used with EF.Functions.Collate.
/// </summary>
public sealed class TitleCollation : DbConnectionInterceptor
{
    public const string Name = "TITLE";

    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite) sqlite.CreateCollation(Name, (a, b) => Compare.Compare(a, b, CompareOptions.IgnoreCase));
    }
}
