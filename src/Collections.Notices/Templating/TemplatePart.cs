namespace Collections.Notices.Templating;

/// <summary>The three files a notice template is made of.</summary>
public enum TemplatePart
{
    /// <summary><c>&lt;kind&gt;.&lt;lang&gt;.subject.txt</c>: one line.</summary>
    Subject,

    /// <summary><c>&lt;kind&gt;.&lt;lang&gt;.html</c>: an HTML fragment placed inside the document body.</summary>
    Html,

    /// <summary><c>&lt;kind&gt;.&lt;lang&gt;.txt</c>: the plain-text body.</summary>
    Text,
}
