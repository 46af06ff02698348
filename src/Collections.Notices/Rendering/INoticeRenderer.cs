namespace Collections.Notices.Rendering;

/// <summary>Renders notices. Pure and thread-safe: no I/O, no clock.</summary>
public interface INoticeRenderer
{
    /// <summary>Renders a notice.</summary>
    /// <exception cref="ArgumentException">The request lacks what its kind needs (listed in the message).</exception>
    RenderedNotice Render(NoticeRequest request);
}
