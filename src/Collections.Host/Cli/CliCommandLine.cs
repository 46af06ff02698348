using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Collections.Host.Cli;

/// <summary>The root command and the option shapes the verbs share.</summary>
internal static class CliCommandLine
{
    public const string ServeVerb = "serve";

    /// <summary>No response files: a ledger path may start with '@'.</summary>
    public static ParserConfiguration ParserConfiguration { get; } = new() { ResponseFileTokenReplacer = null };

    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("Collections: automated dunning. Without a verb, runs the local host (same as 'serve').")
        {
            IngestVerb.Build(context),
            UploadVerb.Build(context),
            SimulateVerb.Build(context),
            ServeCommand(),
        };
        return root;
    }

    /// <summary>A ledger file argument; a token that looks like an option is refused, not taken as a file name.</summary>
    public static Argument<string> LedgerFileArgument(string description)
    {
        var file = new Argument<string>("file") { Description = description };
        file.Validators.Add(r =>
        {
            var value = r.Tokens.Count == 1 ? r.Tokens[0].Value : null;
            if (value is not null && value.StartsWith('-'))
            {
                r.AddError($"unknown option '{value}'");
            }
        });
        return file;
    }

    public static Option<DateOnly?> AsOfOption() => new("--as-of")
    {
        Description = "The snapshot's as-of date (yyyy-MM-dd); default: the file's as_of column or name, else today.",
        HelpName = "yyyy-MM-dd",
        CustomParser = r =>
        {
            var text = r.Tokens[0].Value;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            r.AddError($"--as-of must be a yyyy-MM-dd date, not '{text}'");
            return null;
        },
    };

    public static Option<string?> EncodingOption() => new("--encoding")
    {
        Description = "The CSV encoding (utf-8, gb18030); default: detected.",
        HelpName = "NAME",
    };

    public static Option<CliOutputFormat> FormatOption(CliOutputFormat fallback) => new("--format")
    {
        Description = "The output: json or table.",
        HelpName = "json|table",
        DefaultValueFactory = _ => fallback,
        CustomParser = r =>
        {
            var text = r.Tokens[0].Value;
            if (Enum.TryParse<CliOutputFormat>(text, ignoreCase: true, out var format) && Enum.IsDefined(format)
                && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                return format;
            }

            r.AddError($"--format must be json or table, not '{text}'");
            return fallback;
        },
    };

    private static Command ServeCommand() =>
        // Program starts the web host for 'serve' before the command line is parsed; this entry gives it help text.
        new(ServeVerb, "Runs the local host: ingest on new blobs in 'ledgers', the case orchestrations, the operations API and dashboard on http://localhost:7071, against Azurite and MailDev (see docs/hosting.md). Started by scripts/run-local.sh.");
}
