using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Search.Indexing;

/// <summary>Wakes this process's indexer when a content change was journalled here.</summary>
public sealed class IndexingSignal : WakeUpSignal;
