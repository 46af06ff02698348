using Collections.TestSupport;

namespace Collections.Host.Tests.EndToEnd;

/// <summary>End-to-end tests get emulators of their own: nothing else writes to their storage or inbox.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<MailDevFixture>
{
    public const string Name = "End to end (Azurite, MailDev)";
}
