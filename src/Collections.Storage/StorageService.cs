namespace Collections.Storage;

internal enum StorageService
{
    Blob,
    Queue,
    Table,
}
