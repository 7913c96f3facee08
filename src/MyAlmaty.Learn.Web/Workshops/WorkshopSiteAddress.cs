using MyAlmaty.Learn.Web.Hosting;
using MyAlmaty.Learn.Workshops;

namespace MyAlmaty.Learn.Web.Workshops;

/// <summary>Workshop emails link to the site's configured public address, like every other absolute link it writes.</summary>
internal sealed class WorkshopSiteAddress(PublicAddress address) : IWorkshopSiteAddress
{
    public string Absolute(string path) => address.Absolute(path);
}
