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

    public int Prescribed { get; set; }

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
        text.AppendLine(c, $"lost cases:         {Lost} (not at their prescribed step with every prescribed notice settled)");
        text.AppendLine(c, $"prescribed e-mails: {Prescribed}; MailDev holds {Emails}");
        text.AppendLine(c, $"duplicate e-mails:  {Duplicates}");
        text.AppendLine(c, $"missing e-mails:    {Missing}");
        text.AppendLine(c, $"unexpected e-mails: {Unexpected} (Message-IDs of no outbox row)");
        text.AppendLine(c, $"outbox rows:        {string.Join(", ", Rows.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");
        text.Append(c, $"uncertain rows:     {UncertainDelivered + UncertainNotDelivered} ({UncertainDelivered} were delivered before the kill, {UncertainNotDelivered} were not)");
        return text.ToString();
    }
}
