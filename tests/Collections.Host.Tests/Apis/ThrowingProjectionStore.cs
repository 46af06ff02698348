using System.Reflection;
using Collections.Pipeline.Projections;

namespace Collections.Host.Tests.Apis;

/// <summary>A projection store whose every call fails, standing in for any unexpected bug (DispatchProxy needs an unsealed public type).</summary>
public class ThrowingProjectionStore : DispatchProxy
{
    public static ICaseProjectionStore Create() => Create<ICaseProjectionStore, ThrowingProjectionStore>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException("ThrowingProjectionStore." + targetMethod?.Name + " failed on purpose");
}
