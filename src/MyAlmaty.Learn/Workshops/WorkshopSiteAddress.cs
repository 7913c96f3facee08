namespace MyAlmaty.Learn.Workshops;

/// <summary>
/// The address readers reach the site at, for the absolute links of workshop emails (RSVP, unsubscribe, the
/// workshop's page). The host implements it from its configured public address, never from a request: mail
/// is also written by a publication or a scheduled job, where there is no request to ask.
/// </summary>
public interface IWorkshopSiteAddress
{
    /// <summary>The full address of a site path such as <c>/ru/workshops/yards</c>.</summary>
    string Absolute(string path);
}
