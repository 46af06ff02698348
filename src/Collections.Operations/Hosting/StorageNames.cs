namespace Collections.Operations.Hosting;

/// <summary>Every container, queue and table the app uses (infra creates the same; a test holds them together).</summary>
public static class StorageNames
{
    /// <summary>Where finance drops ledgers.</summary>
    public const string LedgersContainer = "ledgers";

    /// <summary>Accepted ledgers with their summaries.</summary>
    public const string ProcessedContainer = "ledgers-processed";

    /// <summary>Rejected ledgers with their error reports.</summary>
    public const string RejectedContainer = "ledgers-rejected";

    /// <summary>Evidence packs for legal.</summary>
    public const string EvidenceContainer = "evidence";

    /// <summary>The case archive: closed cases past retention as JSON lines (immutable in Azure; infra sets the policy).</summary>
    public const string ArchiveContainer = "archive";

    /// <summary>Blob receipts of the standalone blob trigger (the Functions host uses the same container).</summary>
    public const string HostsContainer = "azure-webjobs-hosts";

    /// <summary>Durable timers.</summary>
    public const string TimerQueue = "dunning-timers";

    /// <summary>The notice outbox.</summary>
    public const string OutboxQueue = "notices-outbox";

    /// <summary>Blobs that failed five times (the Functions host's name for it).</summary>
    public const string BlobTriggerPoisonQueue = "webjobs-blobtrigger-poison";

    /// <summary>Cases: state, timeline and outbox rows.</summary>
    public const string CasesTable = "Cases";

    /// <summary>The account index.</summary>
    public const string AccountsTable = "Accounts";

    /// <summary>One row per ledger file with status and progress.</summary>
    public const string LedgerFilesTable = "LedgerFiles";

    /// <summary>Per-entity totals of every applied snapshot (for the KPIs).</summary>
    public const string SnapshotsTable = "LedgerSnapshots";

    /// <summary>The write-off register: every item a case wrote off (ingest never duns it again).</summary>
    public const string WriteOffsTable = "WriteOffs";

    /// <summary>The archive index: one row per archived case id with its blob and line.</summary>
    public const string ArchiveIndexTable = "ArchiveIndex";

    /// <summary>Containers.</summary>
    public static readonly string[] Containers = [LedgersContainer, ProcessedContainer, RejectedContainer, EvidenceContainer, ArchiveContainer, HostsContainer];

    /// <summary>Queues, with their poison queues.</summary>
    public static readonly string[] Queues = [TimerQueue, TimerQueue + "-poison", OutboxQueue, OutboxQueue + "-poison", BlobTriggerPoisonQueue];

    /// <summary>Tables.</summary>
    public static readonly string[] Tables = [CasesTable, AccountsTable, LedgerFilesTable, SnapshotsTable, WriteOffsTable, ArchiveIndexTable];
}
