using Microsoft.Extensions.DependencyInjection;

namespace MyAlmaty.Learn.Data;

/// <summary>The person whose data is exported or erased: their account id and e-mail address.</summary>
/// <param name="NormalizedEmail">The address as Identity normalizes it, for rows that keep an address in whatever case it was typed.</param>
public sealed record DataSubject(string UserId, string Email, string NormalizedEmail);

/// <summary>One kind of a person's data in their export: a name and its rows, each an object serialized as it is.</summary>
/// <param name="Name">The key of the section in the exported JSON document, in camel case, e.g. <c>completedLessons</c>.</param>
public sealed record PersonalDataSection(string Name, IReadOnlyList<object> Rows);

/// <summary>
/// What one feature keeps about a person, by account id or e-mail address. Every feature that
/// stores such rows registers one (<see cref="PersonalDataRegistration.AddPersonalData{T}"/>):
/// the person's download and the deletion of their account go through all of them, so a feature's
/// new table is exported and erased with the rest once its holder knows it.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>The person's rows, one section per kind; a section without rows is still listed.</summary>
    Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every row that names the person, through the scope's <see cref="LearnDbContext"/>
    /// and inside the transaction the caller has begun: all features' rows go together or none.
    /// </summary>
    Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default);
}

public static class PersonalDataRegistration
{
    /// <summary>Adds a feature's holder of personal data; scoped, like the database context it works through.</summary>
    public static IServiceCollection AddPersonalData<T>(this IServiceCollection services) where T : class, IPersonalDataHolder =>
        services.AddScoped<IPersonalDataHolder, T>();
}
