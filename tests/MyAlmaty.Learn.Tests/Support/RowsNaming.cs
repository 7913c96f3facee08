using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Tests.Support;

/// <summary>
/// Where a person's id or address still appears in the database: every column of every table the
/// model maps, read as text (a blob such as a stored sign-in too), so a feature's new table is searched
/// without this list knowing it.
/// </summary>
public static class RowsNaming
{
    /// <summary>Rows per «table.column» whose value contains any of <paramref name="needles"/>, ignoring case.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CountAsync(IServiceProvider services, params string[] needles)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
        var columns = db.Model.GetEntityTypes()
            .Select(e => (Entity: e, Table: StoreObjectIdentifier.Create(e, StoreObjectType.Table)))
            .Where(t => t.Table is not null)
            .SelectMany(t => t.Entity.GetProperties().Select(p => (Table: t.Table!.Value.Name, Column: p.GetColumnName(t.Table!.Value))))
            .Where(c => c.Column is not null)
            .Distinct()
            .ToList();
        Assert.NotEmpty(columns);

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var (table, column) in columns)
        {
            await using var command = connection.CreateCommand();
            var matches = needles.Select((_, i) => $"instr(upper(CAST(\"{column}\" AS TEXT)), upper($n{i})) > 0");
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE {string.Join(" OR ", matches)}";
            for (var i = 0; i < needles.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"$n{i}";
                parameter.Value = needles[i];
                command.Parameters.Add(parameter);
            }
            var count = Convert.ToInt32(await command.ExecuteScalarAsync());
            if (count > 0) counts[$"{table}.{column}"] = count;
        }
        return counts;
    }
}
