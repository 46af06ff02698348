using System.Reflection;
using Collections.Pipeline.Cases;

namespace Collections.Host.Tests.Apis;

/// <summary>A case store whose every call fails, standing in for any unexpected bug (DispatchProxy needs an unsealed public type).</summary>
public class ThrowingCaseStore : DispatchProxy
{
    public static ICaseStore Create() => Create<ICaseStore, ThrowingCaseStore>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException("ThrowingCaseStore." + targetMethod?.Name + " failed on purpose");
}
