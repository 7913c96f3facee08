namespace MyAlmaty.Learn.Content.Import;

/// <summary>
/// Every message the importer can give, as English msgids translated in ru.po and kk.po.
/// A test checks that each has a translation, so keep them here and only here.
/// </summary>
public static class ImportMessages
{
    public const string BadFileName = "The file name must be <key>.ru.md or <key>.kk.md, where the key has only latin letters, digits and hyphens.";
    public const string NotUtf8 = "The file is not valid UTF-8 text (save it as UTF-8).";
    public const string Binary = "The file contains binary data, not text.";
    public const string NoFrontMatter = "The file must start with a front matter block: a line '---', YAML fields, and another '---'.";
    public const string UnclosedFrontMatter = "The front matter opened on line 1 is never closed with a '---' line.";
    public const string BadYaml = "The front matter is not valid YAML: {0}";
    public const string TabIndentation = "A tab is used for indentation; YAML allows only spaces.";
    public const string FrontMatterNotMapping = "The front matter must be a list of 'field: value' lines.";
    public const string MissingField = "The field '{0}' is required.";
    public const string EmptyField = "The field '{0}' is empty.";
    public const string NotText = "The field '{0}' must be a single line of text.";
    public const string NotList = "The field '{0}' must be a list.";
    public const string NotListOfText = "Every item of '{0}' must be text.";
    public const string NotListOfSections = "Every item of '{0}' must be a block of 'field: value' lines.";
    public const string BadFlag = "The field '{0}' must be true or false, not '{1}'.";
    public const string TooLong = "The field '{0}' is longer than {1} characters.";
    public const string UnknownType = "Unknown content type '{0}'. Known types: {1}.";
    public const string UnknownField = "Unknown field '{0}' is ignored.";
    public const string BadSlug = "The slug '{0}' may contain only lowercase latin letters, digits and hyphens.";
    public const string BadKey = "The translation key '{0}' may contain only lowercase latin letters, digits and hyphens.";
    public const string CultureMismatch = "The field culture says '{0}' but the file name says '{1}'.";
    public const string BadStatus = "The status '{0}' is unknown: use 'published' or 'draft'.";
    public const string BadDate = "'{0}' is not a date: write it as YYYY-MM-DD.";
    public const string BadChoice = "'{0}' is not allowed here: use one of {1}.";
    public const string BadDateTime = "'{0}' is not a date and time: write it as YYYY-MM-DD HH:MM.";
    public const string BadNumber = "The field '{0}' must be a whole number from {1} to {2}.";
    public const string EmptyBody = "The text after the front matter is empty.";
    public const string DuplicateKey = "Another file already defines {0} '{1}' in this language: {2}.";
    public const string DuplicateSlug = "The slug '{0}' is already used by {1}.";
    public const string ReservedSlug = "The slug '{0}' is reserved for a section of the site.";
    public const string MissingReference = "'{0}' refers to {1} '{2}', which does not exist in this language.";
    public const string BrokenReference = "'{0}' refers to {1} '{2}', which was not loaded because its file has errors.";
    public const string DuplicateReference = "'{0}' lists '{1}' more than once.";
    public const string EditedInBrowser = "The file changed, but the item was also edited in the browser since the file was last imported (version {0} by {1}); the browser version stays and this file is not imported.";
    public const string MixedScript = "The word '{0}' mixes Latin and Cyrillic letters (column {1}); it breaks search and reading aloud.";
    public const string RemovedFile = "The file was removed; the content imported from it is kept as it was. Unpublish or delete it in the editor.";
    public const string ErrorWord = "error";
    public const string WarningWord = "warning";
}
