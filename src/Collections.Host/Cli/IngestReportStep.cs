namespace Collections.Host.Cli;

/// <summary>A planned notice: ladder stage and the instant with the debtor's UTC offset.</summary>
internal sealed record IngestReportStep(string Stage, string At);
