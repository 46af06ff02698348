using Collections.TestSupport;

namespace Collections.Pipeline.Tests.Cases;

[CollectionDefinition(AzuriteFixture.CollectionName)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
