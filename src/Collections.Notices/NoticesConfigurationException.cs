namespace Collections.Notices;

/// <summary>Invalid Notices or sender options; the message lists every problem.</summary>
public sealed class NoticesConfigurationException : Exception
{
    public NoticesConfigurationException()
    {
    }

    public NoticesConfigurationException(string message)
        : base(message)
    {
    }

    public NoticesConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
