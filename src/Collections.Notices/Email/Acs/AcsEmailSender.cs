using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collections.Notices.Email.Acs;

/// <summary>
/// Sends e-mail through Azure Communication Services Email over REST (acs-email.md): a deterministic
/// <c>Operation-Id</c> from the idempotency key, 202 and Operation-Location polling, Retry-After honoured,
/// a self-throttle on the send and status quotas, and permanent vs transient failures told apart.
/// </summary>
public sealed class AcsEmailSender : IEmailSender
{
    /// <summary>The Entra ID scope of the service (the double slash is intended).</summary>
    public const string TokenScope = "https://communication.azure.com//.default";

    private readonly Uri _endpoint;
    private readonly AcsEmailSenderOptions _options;
    private readonly HttpPipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly SendQuotaThrottle _sendThrottle;
    private readonly SendQuotaThrottle _statusThrottle;
    private readonly ILogger _logger;

    /// <summary>A sender authenticating with the connection string's access key (HMAC-SHA256).</summary>
    public AcsEmailSender(string connectionString, AcsEmailSenderOptions options, ILogger<AcsEmailSender>? logger = null)
        : this(AcsConnectionString.Parse(connectionString), options, logger)
    {
    }

    /// <summary>A sender authenticating with an access key (HMAC-SHA256).</summary>
    public AcsEmailSender(AcsConnectionString connection, AcsEmailSenderOptions options, ILogger<AcsEmailSender>? logger = null)
        : this(connection.Endpoint, new AcsHmacAuthenticationPolicy(new AzureKeyCredential(connection.AccessKey), options.TimeProvider), options, logger)
    {
    }

    /// <summary>A sender authenticating with Entra ID bearer tokens (e.g. a managed identity).</summary>
    public AcsEmailSender(Uri endpoint, TokenCredential credential, AcsEmailSenderOptions options, ILogger<AcsEmailSender>? logger = null)
        : this(endpoint, new BearerTokenAuthenticationPolicy(credential, TokenScope), options, logger)
    {
    }

    private AcsEmailSender(Uri endpoint, HttpPipelinePolicy authentication, AcsEmailSenderOptions options, ILogger? logger)
    {
        options.Validate();
        _endpoint = endpoint;
        _options = options;
        _time = options.TimeProvider;
        _logger = logger ?? NullLogger.Instance;
        options.Retry.MaxRetries = 0;
        _pipeline = HttpPipelineBuilder.Build(options, [], [authentication], new ResponseClassifier());
        _sendThrottle = new SendQuotaThrottle(options.SendsPerMinute, options.SendsPerHour, _time);
        _statusThrottle = new SendQuotaThrottle(options.StatusPollsPerMinute, options.StatusPollsPerHour, _time);
    }

    /// <inheritdoc />
    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var operationId = message.OperationId.ToString("D");
        var result = Check(message, operationId) ?? await SendCoreAsync(message, operationId, cancellationToken);
        AcsEmailLog.Finished(_logger, operationId, result.Status, result.Failure, result.ErrorCode);
        return result;
    }

    private async Task<SendResult> SendCoreAsync(EmailMessage message, string operationId, CancellationToken cancellationToken)
    {
        var body = AcsEmailPayload.Serialize(message, _options.SenderAddress, _options.UserEngagementTrackingDisabled);
        var retryDelay = _options.RetryDelay;
        SendResult? last = null;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            await _sendThrottle.WaitAsync(cancellationToken, delay => AcsEmailLog.SelfThrottled(_logger, operationId, delay));
            AcsEmailLog.Sending(_logger, operationId, attempt);
            using var http = _pipeline.CreateMessage();
            var request = http.Request;
            request.Method = RequestMethod.Post;
            request.Uri.Reset(_endpoint);
            request.Uri.AppendPath("/emails:send", escape: false);
            request.Uri.AppendQuery("api-version", _options.ApiVersion);
            request.Headers.SetValue("Operation-Id", operationId);
            request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
            request.Content = RequestContent.Create(body);

            TimeSpan? retryAfter;
            try
            {
                await _pipeline.SendAsync(http, cancellationToken);
            }
            catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Transport failures and Azure.Core's network timeout: the request may or may not have
                // arrived, and the same Operation-Id makes the retry safe either way.
                last = SendResult.Transient(operationId, "NetworkError", ex.Message);
                retryAfter = null;
                if (!await DelayBeforeRetryAsync(operationId, 0, retryAfter, ref retryDelay, attempt, cancellationToken))
                {
                    return last;
                }

                continue;
            }

            var response = http.Response;
            retryAfter = RetryAfter(response);
            if (response.Status == 202)
            {
                return await PollAsync(OperationLocation(response, operationId), operationId, retryAfter, cancellationToken);
            }

            var (errorCode, errorMessage) = ResponseError(response);
            if (response.Status is not (408 or 429 or >= 500))
            {
                return SendResult.Permanent(operationId, errorCode, errorMessage);
            }

            last = SendResult.Transient(operationId, errorCode, errorMessage);
            if (retryAfter > _options.MaxRetryAfter)
            {
                return last;
            }

            if (!await DelayBeforeRetryAsync(operationId, response.Status, retryAfter, ref retryDelay, attempt, cancellationToken))
            {
                return last;
            }
        }

        return last ?? SendResult.Transient(operationId, "NotAttempted", null);
    }

    private async Task<SendResult> PollAsync(Uri location, string operationId, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.MaxPollDuration;
        var wait = Clamp(retryAfter ?? _options.PollInterval);
        while (true)
        {
            if (_time.GetUtcNow() + wait > deadline)
            {
                return SendResult.Transient(operationId, "PollTimeout", "The operation had not finished when polling stopped; a retry re-polls it.");
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }

            await _statusThrottle.WaitAsync(cancellationToken, delay => AcsEmailLog.SelfThrottled(_logger, operationId, delay));
            using var http = _pipeline.CreateMessage();
            http.Request.Method = RequestMethod.Get;
            http.Request.Uri.Reset(location);
            try
            {
                await _pipeline.SendAsync(http, cancellationToken);
            }
            catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                wait = Clamp(_options.PollInterval);
                continue;
            }

            var response = http.Response;
            wait = Clamp(RetryAfter(response) ?? _options.PollInterval);
            if (response.Status != 200)
            {
                // The send was accepted; a failing status call must not turn into a permanent failure.
                if (response.Status is 408 or 429 or >= 500)
                {
                    continue;
                }

                var (errorCode, errorMessage) = ResponseError(response);
                return SendResult.Transient(operationId, errorCode, errorMessage);
            }

            using var doc = JsonDocument.Parse(response.Content.ToMemory());
            var status = doc.RootElement.TryGetProperty("status", out var s) ? s.GetString() : null;
            switch (status)
            {
                case "Succeeded":
                    return SendResult.Sent(operationId);
                case "Failed" or "Canceled":
                    var (code, detail) = Error(doc.RootElement);
                    return SendResult.Permanent(operationId, code ?? status, detail);
                case "NotStarted" or "Running":
                    continue;
                default:
                    return SendResult.Transient(operationId, "UnknownStatus", $"Unexpected operation status '{status}'.");
            }
        }
    }

    private Task<bool> DelayBeforeRetryAsync(string operationId, int status, TimeSpan? retryAfter, ref TimeSpan backoff, int attempt, CancellationToken cancellationToken)
    {
        if (attempt >= _options.MaxAttempts)
        {
            return Task.FromResult(false);
        }

        var delay = retryAfter ?? backoff;
        backoff += backoff;
        AcsEmailLog.Retrying(_logger, operationId, status, delay);
        return DelayAsync(delay, cancellationToken);
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, cancellationToken);
        }

        return true;
    }

    private TimeSpan Clamp(TimeSpan value) => value > _options.MaxRetryAfter ? _options.MaxRetryAfter : value;

    // Only follow Operation-Location on the endpoint's own host: credentials must never go elsewhere.
    private Uri OperationLocation(Response response, string operationId)
    {
        if (response.Headers.TryGetValue("Operation-Location", out var value)
            && Uri.TryCreate(value, UriKind.Absolute, out var location)
            && string.Equals(location.Scheme, _endpoint.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(location.Authority, _endpoint.Authority, StringComparison.OrdinalIgnoreCase))
        {
            return location;
        }

        var builder = new RequestUriBuilder();
        builder.Reset(_endpoint);
        builder.AppendPath("/emails/operations/", escape: false);
        builder.AppendPath(operationId, escape: true);
        builder.AppendQuery("api-version", _options.ApiVersion);
        return builder.ToUri();
    }

    private static SendResult? Check(EmailMessage message, string operationId)
    {
        var count = message.To.Count + message.Cc.Count;
        if (message.To.Count == 0 || message.To.Concat(message.Cc).Any(a => string.IsNullOrWhiteSpace(a.Address)))
        {
            return SendResult.Permanent(operationId, "InvalidMessage", "A message needs at least one To recipient and no empty addresses.");
        }

        return count > 50
            ? SendResult.Permanent(operationId, "InvalidMessage", "ACS accepts at most 50 recipients per message.")
            : null;
    }

    private TimeSpan? RetryAfter(Response response)
    {
        if (response.Headers.TryGetValue("Retry-After", out var value) && !string.IsNullOrWhiteSpace(value))
        {
            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var now = _time.GetUtcNow();
                return at > now ? at - now : TimeSpan.Zero;
            }
        }

        return null;
    }

    // The body's error code and message, else the status code and reason phrase.
    private static (string Code, string? Message) ResponseError(Response response)
    {
        var (code, message) = TryError(response);
        return (code ?? "HTTP " + response.Status.ToString(CultureInfo.InvariantCulture), message ?? response.ReasonPhrase);
    }

    private static (string? Code, string? Message) TryError(Response response)
    {
        try
        {
            if (response.Content is { } content && content.ToMemory().Length > 0)
            {
                using var doc = JsonDocument.Parse(content.ToMemory());
                return Error(doc.RootElement);
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall back to the status line.
        }

        return (null, null);
    }

    private static (string? Code, string? Message) Error(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (code, message);
        }

        return (null, null);
    }
}
