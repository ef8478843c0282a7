resource "azurerm_postgresql_flexible_server" "main" {
  name                          = "${var.prefix}-pg"
  resource_group_name           = azurerm_resource_group.main.name
  location                      = azurerm_resource_group.main.location
  version                       = "15"
  administrator_login           = "clip"
  administrator_password        = var.postgres_admin_password
  sku_name                      = "GP_Standard_D2ds_v5"
  storage_mb                    = 65536
  public_network_access_enabled = true
  zone                          = "1"
}

# The schema migrations create the vector extension; Azure allows only extensions on this list.
resource "azurerm_postgresql_flexible_server_configuration" "extensions" {
  name      = "azure.extensions"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "VECTOR"
}

# Building a model's HNSW index over many embeddings is far faster with more memory.
resource "azurerm_postgresql_flexible_server_configuration" "maintenance_work_mem" {
  name      = "maintenance_work_mem"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "1048576"
}

resource "azurerm_postgresql_flexible_server_database" "clip" {
  name      = "clip"
  server_id = azurerm_postgresql_flexible_server.main.id
  charset   = "UTF8"
  collation = "en_US.utf8"
}

# 0.0.0.0 is Azure's marker for "clients inside Azure": the worker VMs reach the server, other networks do not.
# Limitation: that includes other Azure tenants' clients, held back by the password and TLS only; a private
# deployment would put the server in a delegated subnet of the virtual network instead.
resource "azurerm_postgresql_flexible_server_firewall_rule" "azure" {
  name             = "azure-services"
  server_id        = azurerm_postgresql_flexible_server.main.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}
