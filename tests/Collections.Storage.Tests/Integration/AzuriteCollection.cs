using Collections.TestSupport;

namespace Collections.Storage.Tests.Integration;

[CollectionDefinition(AzuriteFixture.CollectionName)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
