using Azure;

namespace Collections.Storage.Pipeline;

/// <summary>A <see cref="NullableResponse{T}"/> without a value (for example a point get that found nothing).</summary>
internal sealed class NoValueResponse<T>(Response response) : NullableResponse<T>
{
    public override bool HasValue => false;

    public override T? Value => default;

    public override Response GetRawResponse() => response;
}
