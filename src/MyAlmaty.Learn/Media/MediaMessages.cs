using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Media;

/// <summary>
/// What the media library tells editors, as English msgids translated in ru.po and kk.po. A test
/// checks that each has a translation, so keep them here and only here.
/// </summary>
public static class MediaMessages
{
    public const string NoFile = "Choose a picture to upload.";
    public const string FileTooLarge = "The file is larger than {0} MB. Save the picture smaller (3000 pixels on the long side is plenty for the site) and upload it again.";
    public const string NotAnImage = "This file is not a JPEG, PNG or WebP picture. Only pictures in these formats can be uploaded, whatever the file is called.";
    public const string Unreadable = "The file begins like a picture but cannot be read: it may be damaged or cut short. Save it again and upload the new file.";
    public const string TooManyPixels = "The picture is {0} × {1} pixels, more than {2} megapixels. Save it smaller and upload it again.";
    public const string TooLong = "The picture is {0} × {1} pixels; neither side may be longer than {2} pixels. Save it smaller and upload it again.";
    public const string NoAltText = "Describe the picture for readers who cannot see it: write its alt text in at least one language.";
    public const string AltTooLong = "The alt text is longer than {0} characters: describe what matters in the picture briefly.";
    public const string ChooseAgain = "For your safety the browser does not keep a chosen file: choose it again.";
    public const string AltInUse = "The alt text cannot be removed: the picture is shown in texts in this language (see «Where it is used»).";

    // Problems of a content file or of a save in the browser.
    public const string UnknownImage = "The picture 'media:{0}' is not in the media library.";
    public const string NoRussianAlt = "The picture 'media:{0}' has no Russian alt text. Add it on the picture's page in the media library, or write it in the brackets: ![description](media:{0}).";
    public const string NoKazakhAlt = "The picture 'media:{0}' has no Kazakh alt text. Add it on the picture's page in the media library, or write it in the brackets: ![description](media:{0}).";

    /// <summary>The problem of a picture that has no alt text in <paramref name="culture"/>.</summary>
    public static string NoAltIn(string culture) => culture == Cultures.Kazakh ? NoKazakhAlt : NoRussianAlt;
}
