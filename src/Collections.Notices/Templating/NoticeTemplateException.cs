namespace Collections.Notices.Templating;

/// <summary>Thrown at start-up when template overrides are invalid; the message lists every problem by file.</summary>
public sealed class NoticeTemplateException : Exception
{
    public NoticeTemplateException(string message, IReadOnlyList<string> problems)
        : base(message + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)))
    {
        Problems = problems;
    }

    public NoticeTemplateException()
        : this("Notice templates are invalid.", [])
    {
    }

    public NoticeTemplateException(string message)
        : this(message, [])
    {
    }

    public NoticeTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Each problem, naming the file.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
