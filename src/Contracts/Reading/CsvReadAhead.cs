using System.Threading.Channels;

namespace TrainingOrchestration.Contracts.Reading;

/// <summary>
/// Parses CSV on a second thread while the caller validates: the parser fills <see cref="CsvRowBatch"/>es and hands
/// them over through a bounded channel, and the caller returns each batch once done, so at most
/// <see cref="Batches"/> batches (about 1 MB of characters each at most) exist at any time and memory stays flat.
/// A parse error is raised on the caller's side when it reaches that row.
/// </summary>
internal sealed class CsvReadAhead : IAsyncDisposable
{
    public const int Batches = 4;

    private readonly Channel<CsvRowBatch> full = Channel.CreateBounded<CsvRowBatch>(Batches);
    private readonly Channel<CsvRowBatch> free = Channel.CreateBounded<CsvRowBatch>(Batches);
    private readonly CancellationTokenSource stop = new();
    private readonly Task producer;

    public CsvReadAhead(CsvRowParser parser)
    {
        for (var i = 0; i < Batches; i++) free.Writer.TryWrite(new CsvRowBatch());
        producer = Task.Run(() => Produce(parser, stop.Token));
    }

    private async Task Produce(CsvRowParser parser, CancellationToken cancellationToken)
    {
        try
        {
            var batch = await free.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            while (parser.ReadRow())
            {
                batch.Add(parser);
                if (!batch.Full) continue;
                await full.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                batch = await free.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
            if (batch.Rows > 0) await full.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            full.Writer.TryComplete();
        }
        catch (Exception e)
        {
            full.Writer.TryComplete(e is OperationCanceledException ? null : e);
        }
    }

    /// <summary>The next batch of rows, or null at the end of the file; rethrows a parse error.</summary>
    public async ValueTask<CsvRowBatch?> NextAsync(CsvRowBatch? done, CancellationToken cancellationToken)
    {
        if (done is not null)
        {
            done.Clear();
            free.Writer.TryWrite(done);
        }
        try
        {
            return await full.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e) when (e.InnerException is null)
        {
            return null;
        }
        catch (ChannelClosedException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException!).Throw();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await producer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }
}
