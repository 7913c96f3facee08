namespace MyAlmaty.Learn.Workshops.Campaigns;

/// <summary>What the workshop workspace says about lists, campaigns and workshops, as msgids translated in the PO files.</summary>
public static class CampaignMessages
{
    public const string TooManyLines = "A campaign takes up to {0} addresses. Split the list into several campaigns.";
    public const string FileTooBig = "The file is larger than {0} MB. A campaign takes up to {1} addresses: split the list into several files.";
    public const string FileEmpty = "The file is empty.";
    public const string FileEncoding = "The file is saved as UTF-16. Save it as «CSV UTF-8» (or plain CSV) and upload it again.";
    public const string NoEmailColumn = "The first line of the file names no email column (it reads: {0}). Name the columns «email», «name», «language» (or «Эл. почта», «Имя», «Язык»; «Аты», «Тіл»), separated by commas or semicolons.";
    public const string NoAddress = "No address on this line.";
    public const string BadAddress = "Not an email address.";
    public const string Duplicate = "Already on this list, line {0}.";
    public const string Unsubscribed = "Unsubscribed from our emails, or their address bounced.";
    public const string Registered = "Already registered for this workshop.";
    public const string Invited = "Already invited to this workshop.";
    public const string NameCleaned = "Line breaks removed from the name.";
    public const string NothingToSend = "No address on the list can be invited.";
    public const string CapacityBelowRegistrations = "{0} people are already registered, so the places cannot be fewer than {0}.";
    public const string NoSuchAccount = "No account with the address {0} may run workshops. Ask an administrator to invite them with the role of facilitator first.";
    public const string FacilitatorAdded = "{0} now runs this workshop with you.";
    public const string AttendanceSaved = "Attendance saved.";
}
