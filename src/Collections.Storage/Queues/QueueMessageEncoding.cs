namespace Collections.Storage.Queues;

/// <summary>How message text is carried in <c>MessageText</c>.</summary>
public enum QueueMessageEncoding
{
    /// <summary>Base64 of the UTF-8 bytes: what the Functions queue trigger expects by default.</summary>
    Base64,

    /// <summary>The text itself (XML-escaped on the wire).</summary>
    None,
}
