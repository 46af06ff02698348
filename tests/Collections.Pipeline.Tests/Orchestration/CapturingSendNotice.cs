using Collections.Pipeline.Orchestration;
using Microsoft.DurableTask;

namespace Collections.Pipeline.Tests.Orchestration;

/// <summary>The production notice activity, remembering the last request it was given (to run it again as a retry would).</summary>
internal sealed class CapturingSendNotice(SendNoticeActivity inner) : TaskActivity<SendNoticeRequest, string>
{
    public SendNoticeRequest? LastRequest { get; private set; }

    public override Task<string> RunAsync(TaskActivityContext context, SendNoticeRequest input)
    {
        LastRequest = input;
        return inner.RunAsync(context, input);
    }
}
