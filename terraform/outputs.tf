output "postgres_host" {
  description = "Host name of the PostgreSQL server; the database is `clip`, the user `clip`."
  value       = azurerm_postgresql_flexible_server.main.fqdn
}

output "blob_endpoint" {
  description = "Blob endpoint of the storage account that holds the `images` container."
  value       = azurerm_storage_account.images.primary_blob_endpoint
}

output "rabbitmq_private_ip" {
  description = "Private address of the broker, reachable from the worker subnet."
  value       = azurerm_container_group.rabbitmq.ip_address
}
