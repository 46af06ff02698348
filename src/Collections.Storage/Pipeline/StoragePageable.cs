using System.Runtime.CompilerServices;
using Azure;

namespace Collections.Storage.Pipeline;

/// <summary>An <see cref="AsyncPageable{T}"/> over a "fetch one page from this continuation token" function.</summary>
internal sealed class StoragePageable<T>(Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage, CancellationToken cancellationToken)
    : AsyncPageable<T>(cancellationToken)
    where T : notnull
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var token = continuationToken;
        do
        {
            var page = await fetchPage(token, pageSizeHint, CancellationToken).ConfigureAwait(false);
            yield return page;
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
    }
}
