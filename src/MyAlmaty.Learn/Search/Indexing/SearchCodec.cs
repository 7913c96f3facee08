using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene40;
using Lucene.Net.Codecs.Lucene46;

namespace MyAlmaty.Learn.Search.Indexing;

/// <summary>
/// Lucene 4.6's codec with uncompressed stored fields. A results page loads ten documents; with the
/// default chunked LZ4 compression each load decompresses up to 16 KB of neighbours in managed code,
/// which was a third of a search's time. The index is larger, the page much faster.
/// </summary>
[CodecName(FormatName)]
public sealed class SearchCodec : FilterCodec
{
    public const string FormatName = "MyAlmatySearch46";

#pragma warning disable CS0618 // The uncompressed format is kept for reading old indexes, and writes perfectly well.
    private static readonly StoredFieldsFormat Stored = new Lucene40StoredFieldsFormat();
#pragma warning restore CS0618

    private static int _registered;

    public SearchCodec()
        : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => Stored;

    /// <summary>Lets Lucene find the codec by name when it opens a segment written with it (once per process).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(SearchCodec)] });
        }
    }
}
