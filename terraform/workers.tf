locals {
  # The same settings the tests read as CLIP_TEST_*, under the configuration keys the pipeline reads.
  worker_environment = {
    Storage__Postgres__ConnectionString = join(";", [
      "Host=${azurerm_postgresql_flexible_server.main.fqdn}",
      "Port=5432",
      "Username=clip",
      "Password=${var.postgres_admin_password}",
      "Database=clip",
      "SSL Mode=Require",
    ])
    Messaging__RabbitMq__Uri = format(
      "amqp://clip:%s@%s:5672/clip",
      urlencode(var.rabbitmq_password),
      azurerm_container_group.rabbitmq.ip_address,
    )
    Sources__Blob__ConnectionString = azurerm_storage_account.images.primary_connection_string
  }
}

# GPU workers as competing consumers; scale with worker_count.
# Limitation: the start script expects the image's Docker and NVIDIA container toolkit; another image needs both.
resource "azurerm_linux_virtual_machine_scale_set" "workers" {
  name                = "${var.prefix}-workers"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  sku                 = var.worker_sku
  instances           = var.worker_count
  admin_username      = "clip"
  upgrade_mode        = "Manual"

  custom_data = base64encode(templatefile("${path.module}/worker-cloud-init.yaml", {
    environment = local.worker_environment
    image       = var.worker_image
  }))

  admin_ssh_key {
    username   = "clip"
    public_key = var.ssh_public_key
  }

  # Ubuntu with the NVIDIA driver, CUDA, Docker and the NVIDIA container toolkit installed.
  source_image_reference {
    publisher = "microsoft-dsvm"
    offer     = "ubuntu-hpc"
    sku       = "2204"
    version   = "latest"
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 128
  }

  network_interface {
    name    = "worker-nic"
    primary = true

    ip_configuration {
      name      = "internal"
      primary   = true
      subnet_id = azurerm_subnet.workers.id
    }
  }
}
