LOAD ducklake;
LOAD postgres;
