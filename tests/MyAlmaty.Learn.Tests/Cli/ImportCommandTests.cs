using System.Diagnostics;
using MyAlmaty.Learn.Tests.Content;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Cli;

/// <summary>The command line as a user runs it: the host's own executable in a separate process.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public async Task Import_prints_a_report_and_exits_with_zero_when_all_files_are_good()
    {
        using var folder = new TempFolder();
        SampleContent.WriteTo(folder, "content");

        var (exit, output) = await RunAsync(folder, "import");

        Assert.Equal(0, exit);
        Assert.Contains("Файлов: 5; добавлено 5, обновлено 0, без изменений 0; ошибок: 0, предупреждений: 0.", output);
    }

    [Fact]
    public async Task Import_names_each_bad_file_and_line_and_exits_with_one()
    {
        using var folder = new TempFolder();
        SampleContent.WriteTo(folder, "content");
        folder.Write("content/pages/bad.kk.md", "---\ntype: Page\n---\nМәтін");

        var (exit, output) = await RunAsync(folder, "import", "--lang", "kk");

        Assert.Equal(1, exit);
        Assert.Contains("pages/bad.kk.md:3: қате: Міндетті «title» өрісі толтырылмаған.", output);
        Assert.Contains("қателер: 1", output);
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        using var folder = new TempFolder();

        var (exit, output) = await RunAsync(folder, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("import", output);
    }

    [Fact]
    public async Task Users_create_makes_an_administrator_without_a_password_and_prints_a_one_time_link()
    {
        using var folder = new TempFolder();
        SampleContent.WriteTo(folder, "content");

        var (exit, output) = await RunAsync(folder, "users", "create", "--email", "admin@example.org", "--role", "Administrator", "--lang", "kk");

        Assert.Equal(0, exit);
        Assert.Matches(@"^http://127\.0\.0\.1:5080/kk/account/link/[A-Za-z0-9_-]{43}\?purpose=setup$", output.Trim());
        await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder.Path, "data", "learn.db")}");
        await db.OpenAsync();
        var command = db.CreateCommand();
        command.CommandText = "SELECT r.Name, u.PasswordHash FROM AspNetUsers u JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE u.Email = 'admin@example.org'";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("Administrator", reader.GetString(0));
        Assert.True(reader.IsDBNull(1));
    }

    [Fact]
    public async Task The_setup_link_uses_the_public_address_when_one_is_set()
    {
        using var folder = new TempFolder();
        SampleContent.WriteTo(folder, "content");

        var (exit, output) = await RunAsync(folder, "users", "create", "--email", "editor@example.org", "--role", "Editor", "--Site:PublicUrl=https://learn.example.kz");

        Assert.Equal(0, exit);
        Assert.Matches(@"^https://learn\.example\.kz/ru/account/link/[A-Za-z0-9_-]{43}\?purpose=setup$", output.Trim());
    }

    [Fact]
    public async Task Export_writes_the_database_back_as_the_same_files()
    {
        using var folder = new TempFolder();
        SampleContent.WriteTo(folder, "content");
        Assert.Equal(0, (await RunAsync(folder, "import")).Exit);

        var (exit, output) = await RunAsync(folder, "export", "--to", Path.Combine(folder.Path, "exported"));

        Assert.Equal(0, exit);
        Assert.Contains($"{SampleContent.Files.Count} written, 0 unchanged", output);
        foreach (var (path, text) in SampleContent.Files)
        {
            Assert.Equal(text, await File.ReadAllTextAsync(Path.Combine(folder.Path, "exported", path)));
        }
    }

    private static Task<(int Exit, string Output)> RunAsync(TempFolder folder, params string[] args) => SiteProcess.RunAsync(folder, args);
}
