using System.Globalization;
using System.Text;
using Collections.Pipeline.Cases;

namespace Collections.Benchmarks.Chaos;

/// <summary>The chaos run's figures.</summary>
internal sealed class ChaosReport
{
    public int Cases { get; init; }

    public int Emails { get; init; }

    public int Lost { get; set; }

    public int Decided { get; set; }

    public int Skipped { get; set; }

    public HashSet<string> FailedErrors { get; } = new(StringComparer.Ordinal);

    public int Missing { get; set; }

    public int Duplicates { get; set; }

    public int Unexpected { get; set; }

    public int UncertainDelivered { get; set; }

    public int UncertainNotDelivered { get; set; }

    public Dictionary<OutboxStatus, int> Rows { get; } = [];

    public List<string> Notes { get; } = [];

    public string Summary(int kills, int restarts, int seed)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        foreach (var note in Notes.Take(40))
        {
            text.AppendLine(c, $"  {note}");
        }

        text.AppendLine(c, $"kills:              {kills} (SIGKILL, seed {seed}; {restarts} restarts)");
        text.AppendLine(c, $"cases:              {Cases}");
        text.AppendLine(c, $"lost cases:         {Lost} (not at the end of their ladder with every decided notice settled)");
        text.AppendLine(c, $"skipped steps:      {Skipped} cases skipped a ladder step (woken more than a virtual day late: the ladder's catch-up)");
        text.AppendLine(c, $"decided e-mails:    {Decided} outbox rows; MailDev holds {Emails}");
        text.AppendLine(c, $"duplicate e-mails:  {Duplicates}");
        text.AppendLine(c, $"missing e-mails:    {Missing} (rows recorded Sent that MailDev never received)");
        text.AppendLine(c, $"unexpected e-mails: {Unexpected} (Message-IDs of no outbox row)");
        text.AppendLine(c, $"outbox rows:        {string.Join(", ", Rows.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");
        text.Append(c, $"uncertain rows:     {UncertainDelivered + UncertainNotDelivered} ({UncertainDelivered} were delivered before the kill, {UncertainNotDelivered} were not)");
        return text.ToString();
    }
}
