// Sortable, searchable tables and the data page's filters, with DataTables from itables'
// offline bundle. The bundle is an ES module; a page opened from a file cannot load a module
// file, so dt_source.js holds its source and it is imported from a blob URL here.
(function () {
  "use strict";

  function loadDataTables() {
    if (!window.P06_DATATABLES_SOURCE) {
      return Promise.reject(new Error("DataTables source not loaded"));
    }
    const blob = new Blob([window.P06_DATATABLES_SOURCE], { type: "text/javascript" });
    // Not revoked: the module may still be fetching from it when import() settles.
    return import(URL.createObjectURL(blob));
  }

  function escapeRegex(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function setUp(module) {
    const DataTable = module.default;
    try {
      setUpTables(DataTable);
      done("ready");
    } catch (error) {
      done("failed");
      throw error;
    }
  }

  function setUpTables(DataTable) {
    document.querySelectorAll("table.p06-sortable").forEach((table) => {
      new DataTable(table, { paging: false, order: [], autoWidth: false, info: false });
    });
    const data = document.querySelector("table.p06-datatable");
    if (!data) {
      return;
    }
    const api = new DataTable(data, {
      order: [], autoWidth: false, pageLength: 50, lengthMenu: [25, 50, 100, 500],
    });
    const form = document.querySelector("form.p06-filters");
    const count = form && form.querySelector(".p06-count");
    const report = () => {
      if (count) {
        count.textContent = api.rows({ search: "applied" }).count() + " of " +
          api.rows().count() + " figures";
      }
    };
    if (form) {
      form.querySelectorAll("select[data-column]").forEach((select) => {
        select.addEventListener("change", () => {
          const value = select.value;
          const column = api.column(Number(select.dataset.column));
          column.search(value ? "^" + escapeRegex(value) + "$" : "", true, false).draw();
          report();
        });
      });
      api.on("draw", report);
    }
    report();
    data.dataset.ready = "true";
  }

  function done(state) {
    // Lets a reader's tools (and the report's browser tests) know the tables are set up.
    document.documentElement.dataset.p06Tables = state;
  }

  function start() {
    if (!document.querySelector("table.p06-sortable, table.p06-datatable")) {
      return;
    }
    loadDataTables().then(setUp).catch((error) => {
      // The tables stay readable as plain HTML; say why they cannot be sorted.
      done("failed");
      console.warn("Tables cannot be sorted here: " + error.message);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
